//! Entry point of the wasm binary that Trunk builds.

fn main() {
    per_app::run();
}
