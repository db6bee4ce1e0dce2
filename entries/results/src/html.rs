//! HTML written as text, escaped by construction: element and attribute names are the
//! code's own (`&'static str`), every attribute value and every text is escaped, and an
//! element's children are written inside its closure, so tags always balance.
//!
//! The viewer's result views (the hemicycle, the national, zone and candidate tables) are
//! pure functions to [`Html`], tested natively and set as a container's `inner_html`. A
//! Leptos view tree of the same markup is a distinct type per element with its own build
//! and rebuild code: for these read-only tables that cost more than half of the entry's
//! wasm. The controls and the vote editor, which the visitor acts on, stay Leptos views.

/// A fragment of HTML under construction.
#[derive(Debug, Default)]
pub struct Html(String);

/// An attribute: its name (the code's own) and its value (escaped when written). An
/// attribute whose value is empty is left out, so an optional class needs no branch.
pub type Attr<'a> = (&'static str, &'a str);

impl Html {
    pub fn new() -> Self {
        Self(String::with_capacity(4096))
    }

    /// The markup written so far.
    pub fn finish(self) -> String {
        self.0
    }

    fn start_tag(&mut self, tag: &'static str, attrs: &[Attr<'_>]) {
        self.0.push('<');
        self.0.push_str(tag);
        for (name, value) in attrs.iter().filter(|(_, v)| !v.is_empty()) {
            self.0.push(' ');
            self.0.push_str(name);
            self.0.push_str("=\"");
            escape_into(&mut self.0, value);
            self.0.push('"');
        }
    }

    /// `<tag attrs>` children `</tag>`.
    pub fn el(
        &mut self,
        tag: &'static str,
        attrs: &[Attr<'_>],
        children: impl FnOnce(&mut Self),
    ) -> &mut Self {
        self.start_tag(tag, attrs);
        self.0.push('>');
        children(self);
        self.0.push_str("</");
        self.0.push_str(tag);
        self.0.push('>');
        self
    }

    /// `<tag attrs>text</tag>`.
    pub fn text_el(&mut self, tag: &'static str, attrs: &[Attr<'_>], text: &str) -> &mut Self {
        self.el(tag, attrs, |h| {
            h.text(text);
        })
    }

    /// An element without children: `<tag attrs/>` (SVG) or `<tag attrs>` (HTML void).
    pub fn empty(&mut self, tag: &'static str, attrs: &[Attr<'_>]) -> &mut Self {
        self.start_tag(tag, attrs);
        self.0.push_str("/>");
        self
    }

    /// Text, escaped.
    pub fn text(&mut self, text: &str) -> &mut Self {
        escape_into(&mut self.0, text);
        self
    }
}

/// Escapes `&`, `<`, `>`, `"` and `'`: enough for text and for double-quoted values.
fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_values_are_escaped_and_tags_balance() {
        let mut h = Html::new();
        h.el(
            "tr",
            &[("data-subject", "\"><img src=x onerror=alert(1)>")],
            |h| {
                h.text_el("th", &[("scope", "row")], "<script>&'")
                    .empty("br", &[]);
            },
        );
        assert_eq!(
            h.finish(),
            "<tr data-subject=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\">\
             <th scope=\"row\">&lt;script&gt;&amp;&#39;</th><br/></tr>"
        );
    }

    #[test]
    fn an_empty_value_leaves_the_attribute_out() {
        let mut h = Html::new();
        h.text_el("tr", &[("class", ""), ("id", "x")], "");
        assert_eq!(h.finish(), "<tr id=\"x\"></tr>");
    }

    #[test]
    fn unicode_is_kept() {
        let mut h = Html::new();
        h.text("Shqipëri Ελλάδα");
        assert_eq!(h.finish(), "Shqipëri Ελλάδα");
    }
}
