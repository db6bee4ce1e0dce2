//! The account pages.

mod my_request;
mod sign_in;

pub use my_request::MyRequest;
pub use sign_in::SignInPage;
