//! loa's integration tests, in one binary: each module was a test binary of
//! its own, and each linked Typst (16 links of ~880 MB on CI's two cores).
//! Run one module with `cargo test --test suite faults::`, one test with its
//! full name.

mod common;
mod corpus;

mod broadcast;
mod architecture;
mod cards;
mod cli;
mod cms_config;
mod cms_files;
mod cms_install;
mod deploy;
mod documents;
mod escaping;
mod faults;
mod feeds;
mod first_hour;
mod lang;
mod leaflets;
mod links;
mod messages;
mod pictures;
mod print;
mod print_shop;
mod quick_exit;
mod raw_html;
mod readers;
mod report;
mod restore;
mod schedule_props;
mod search_index;
mod serve;
mod speech;
mod staff;
mod translations;
mod trust;
