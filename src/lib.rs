//! PER registration app (placeholder until the app lands).
