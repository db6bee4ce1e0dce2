//! The committed fuzz seed corpus, run on stable so CI covers the fuzz entry point.

use per_seats_data::fuzz_parse;

#[test]
fn fuzz_corpus_runs_without_panics() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fuzz/corpus/parse");
    let mut files = 0;
    let mut allocations = 0;
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let data = std::fs::read(entry.path()).unwrap_or_default();
        let n = fuzz_parse(&data);
        assert_ne!(
            n,
            usize::MAX,
            "{}: a writer produced invalid output",
            entry.path().display()
        );
        allocations += n;
        files += 1;
    }
    assert!(
        files >= 4,
        "the seed corpus is missing ({files} files in {dir})"
    );
    assert!(allocations > 0);
    // Garbage and edge cases never panic.
    for data in [
        &b""[..],
        b"\xff\xfe",
        b"{",
        b"zone,zone_seats,subject,votes\nZ,4294967296,A,1\n",
    ] {
        assert_ne!(fuzz_parse(data), usize::MAX);
    }
}
