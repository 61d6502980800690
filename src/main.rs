//! The `loa` command line: parses arguments, calls the library, prints diagnostics.
//!
//! Exit codes: 0 success, 1 input errors, 2 usage errors.

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};

use loa::diag::Diagnostics;
use loa::scaffold::deploy::Host;

/// loa: scheduled campaign microsites from Markdown and a calendar.
#[derive(Parser)]
#[command(name = "loa", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into its output folder (default: ROOT/dist).
    Build {
        /// The site's folder.
        #[arg(long, default_value = ".", value_name = "DIR")]
        root: PathBuf,
        /// The output folder.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// Build the site as it will be on this day (YYYY-MM-DD); default: today in the site's timezone.
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        at: Option<NaiveDate>,
        /// Include pages marked `draft: true`.
        #[arg(long)]
        drafts: bool,
        /// If another build is writing to the output folder, fail at once instead of waiting for it.
        #[arg(long)]
        no_wait: bool,
    },
    /// Preview the site with live reload on 127.0.0.1 (drafts shown).
    Serve {
        /// The site's folder.
        #[arg(long, default_value = ".", value_name = "DIR")]
        root: PathBuf,
        /// Preview the site as it will be on this day (YYYY-MM-DD).
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        at: Option<NaiveDate>,
        /// The port; the next free one is used if it is taken.
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// The address to listen on.
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Open the preview in the browser.
        #[arg(long)]
        open: bool,
        /// Hide drafts, as the published site does.
        #[arg(long)]
        no_drafts: bool,
    },
    /// Load and validate everything; write nothing.
    Check {
        /// The site's folder.
        #[arg(long, default_value = ".", value_name = "DIR")]
        root: PathBuf,
    },
    /// Show each campaign's dates in a range, the days the site must be rebuilt, and a crontab line.
    Schedule {
        /// The site's folder.
        #[arg(long, default_value = ".", value_name = "DIR")]
        root: PathBuf,
        /// First day (YYYY-MM-DD); default: today in the site's timezone.
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        from: Option<NaiveDate>,
        /// Last day (YYYY-MM-DD); default: one year after --from.
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        to: Option<NaiveDate>,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Create a page from a template: <campaign>/<page> or pages/<page>.
    New {
        /// The page to create, e.g. thang-hanh-dong-vi-tre-em/hoat-dong.
        page: String,
        /// The site's folder.
        #[arg(long, default_value = ".", value_name = "DIR")]
        root: PathBuf,
    },
    /// Create a new, working site in DIR (with the browser editor set up).
    Init {
        /// A new or empty folder.
        dir: PathBuf,
        /// Also write what this host needs to build and publish the site on every push and every day at 00:05.
        #[arg(long, value_name = "HOST", value_parser = ["github", "gitlab", "server"])]
        deploy: Option<String>,
    },
    /// Write what a host needs to build and publish the site on every push and every day at 00:05:
    /// github (a GitHub Actions workflow for Pages), gitlab (.gitlab-ci.yml for Pages),
    /// server (systemd units and an nginx server block under deploy/).
    DeployConfig {
        /// github, gitlab or server.
        #[arg(value_parser = ["github", "gitlab", "server"])]
        host: String,
        /// The site's folder.
        #[arg(long, default_value = ".", value_name = "DIR")]
        root: PathBuf,
        /// (server) Where loa is installed.
        #[arg(long, value_name = "PATH")]
        loa_bin: Option<PathBuf>,
    },
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| format!("`{s}` is not a date; write it as YYYY-MM-DD, e.g. 2027-06-10"))
}

fn fail(d: &Diagnostics) -> ExitCode {
    eprint!("{}", d.render());
    ExitCode::from(1)
}

fn warn(d: &Diagnostics) {
    for w in d.iter() {
        eprint!("{}", w.render());
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match cli.command {
        Command::Build { root, out, at, drafts, no_wait } => match loa::build(&root, &loa::BuildOptions { out, at, drafts, no_wait }) {
            Ok(r) => {
                warn(&r.warnings);
                let out = r.out.as_ref().map(|p| p.display().to_string()).unwrap_or_default();
                let changed = match r.changed {
                    0 => "none changed".to_owned(),
                    1 => "1 changed".to_owned(),
                    n => format!("{n} changed"),
                };
                println!("Built {} pages ({} files, {changed}) as of {} into {out}", r.pages, r.files, r.as_of);
                if r.leaflets > 0 {
                    println!("Leaflets: {} PDFs, {} typeset, {} unchanged (reused from the previous output).", r.leaflets, r.leaflets_typeset, r.leaflets - r.leaflets_typeset);
                }
                if r.pictures_encoded + r.pictures_reused > 0 {
                    println!("Pictures: {} files encoded, {} pictures and cards unchanged (reused from the previous output).", r.pictures_encoded, r.pictures_reused);
                }
                if r.bundles > 0 {
                    println!("Bundles: {} ZIP files, {} made, {} unchanged (reused from the previous output).", r.bundles, r.bundles_zipped, r.bundles - r.bundles_zipped);
                }
                match r.next_change {
                    Some(d) => println!("The site changes next on {d}: rebuild on that day (see `loa schedule`)."),
                    None => println!("Nothing changes in the next three years."),
                }
                ExitCode::SUCCESS
            }
            Err(d) => fail(&d),
        },
        Command::Serve { root, at, port, bind, open, no_drafts } => {
            match loa::serve::serve(loa::serve::ServeOptions { root, at, port, bind, open, drafts: !no_drafts }) {
                Ok(()) => ExitCode::SUCCESS,
                Err(d) => fail(&d),
            }
        }
        Command::Check { root } => match loa::check(&root) {
            Ok(r) => {
                warn(&r.warnings);
                println!(
                    "No errors in {} pages (drafts and pages outside their publication window included). On {}, {} of them are live (drafts counted).",
                    r.all_pages, r.as_of, r.pages
                );
                ExitCode::SUCCESS
            }
            Err(d) => fail(&d),
        },
        Command::Schedule { root, from, to, json } => match loa::schedule(&root, from, to) {
            Ok(s) => {
                if json {
                    println!("{}", serde_json::to_string_pretty(&s).unwrap_or_default());
                } else {
                    print!("{}", loa::schedule::to_text(&s));
                }
                ExitCode::SUCCESS
            }
            Err(d) => fail(&d),
        },
        Command::New { page, root } => match loa::scaffold::new_page(&root, &page) {
            Ok(p) => {
                println!("Created {}", p.display());
                ExitCode::SUCCESS
            }
            Err(d) => fail(&d),
        },
        Command::Init { dir, deploy } => match loa::scaffold::init(&dir, deploy.as_deref().and_then(Host::parse)) {
            Ok(files) => {
                for f in files {
                    println!("Created {}", f.display());
                }
                println!("Next: cd {} && loa build", dir.display());
                if deploy.is_some() {
                    deploy_notes();
                }
                ExitCode::SUCCESS
            }
            Err(d) => fail(&d),
        },
        Command::DeployConfig { host, root, loa_bin } => {
            let Some(host) = Host::parse(&host) else { return ExitCode::from(2) };
            match loa::scaffold::deploy::write(&root, host, &loa::scaffold::deploy::Options { loa_bin }) {
                Ok(files) => {
                    for f in files {
                        println!("Created {}", f.display());
                    }
                    deploy_notes();
                    ExitCode::SUCCESS
                }
                Err(d) => fail(&d),
            }
        }
    }
}

/// What the deploy files leave to be done by hand.
fn deploy_notes() {
    println!("Each file says at its top what to set up once on the host (see also the README, \"Publishing every day\").");
    if loa::scaffold::deploy::loa_git() == loa::scaffold::deploy::PLACEHOLDER_GIT {
        println!("Set LOA_GIT in it to the address of loa's source repository (it installs loa {} from there).", loa::scaffold::deploy::loa_tag());
    }
}
