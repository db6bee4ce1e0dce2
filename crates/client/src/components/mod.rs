//! Reusable widgets: the page frame, headings, back link, error summary, form fields (a new password with its rules) and the not-found page.

mod back_link;
mod code_field;
mod error_summary;
mod layout;
mod masked_contact;
mod new_password;
mod not_found;
mod page_heading;
mod text_field;

pub use back_link::BackLink;
pub use code_field::CodeField;
pub use error_summary::ErrorSummary;
pub use layout::{Footer, Header};
pub use masked_contact::MaskedContact;
pub use new_password::NewPassword;
pub use not_found::NotFound;
pub use page_heading::{PageHeading, PageTitle};
pub use text_field::TextField;
