//! Scaffolding: files loa writes into a site for its people to edit, once —
//! a new site ([`init`]), a new page ([`new_page`]), and what a host needs to
//! build and publish the site every day ([`deploy`]).

pub mod cms_install;
pub mod deploy;
pub mod init;
pub mod new_page;
pub mod quote;

pub use init::init;
pub use new_page::new_page;
