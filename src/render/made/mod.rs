//! What one renderer made that a later one shows, handed over by
//! [`crate::render::render`] in the order it runs them: the leaflets' files
//! and list for schools ([`leaflets`]), shown by the HTML pages; the print
//! box's files ([`print_box`]), listed by the newspapers' embed page. The
//! pictures are handed over the same way, from [`crate::render::pictures`].
//!
//! A renderer reads these types, never the renderer that made them: no
//! renderer imports another (tests/suite/architecture.rs holds to it).

pub mod leaflets;
pub mod print_box;
