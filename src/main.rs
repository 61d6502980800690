//! The `loa` command line: parses arguments, calls the library, prints diagnostics.
//!
//! Exit codes: 0 success, 1 input errors, 2 usage errors.

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};

use loa::diag::Diagnostics;
use loa::i18n::{self, Lang};
use loa::scaffold::deploy::Host;
use loa::t;

/// The memory allocator: mimalloc, not the system's (see Cargo.toml).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// loa: scheduled campaign microsites from Markdown and a calendar.
#[derive(Parser)]
#[command(name = "loa", version, about, long_about = None)]
struct Cli {
    /// The language of messages: vi (Vietnamese) or en (English). Default: the
    /// terminal's locale (LC_ALL, LC_MESSAGES, LANG), else English.
    #[arg(long, global = true, value_name = "LANG", value_parser = ["vi", "en"])]
    lang: Option<String>,
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
    /// The yearly report (due 15/12): what the site published in a year and, from the web
    /// server's access logs, what people read, downloaded and embedded. A PDF (Vietnamese;
    /// English with --lang en), CSV tables and a summary here.
    Report {
        /// The year, e.g. 2027.
        #[arg(long, value_name = "YYYY")]
        year: i32,
        /// Access logs in the "combined" format (nginx, Apache), plain or .gz, in any order:
        /// `--access-log /var/log/nginx/access.log*` (or the option once per file).
        #[arg(long = "access-log", value_name = "FILE", num_args = 1..)]
        access_log: Vec<PathBuf>,
        /// The folder for the report; default: ROOT/report-YYYY.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// The site's folder.
        #[arg(long, default_value = ".", value_name = "DIR")]
        root: PathBuf,
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
    /// The browser editor (`cms:` in site.yaml).
    Cms {
        #[command(subcommand)]
        action: CmsAction,
    },
}

#[derive(Subcommand)]
enum CmsAction {
    /// Fetch the pinned release of the editor named in site.yaml from npm's registry,
    /// check its sha512, and put its script into static/admin/ (self-hosting in one command).
    Install {
        /// The site's folder.
        #[arg(long, default_value = ".", value_name = "DIR")]
        root: PathBuf,
        /// Install from this package file (`npm pack` output) or address instead;
        /// its sha512 is shown, not checked.
        #[arg(long, value_name = "FILE_OR_URL")]
        from: Option<String>,
        /// A mirror of npm's registry to fetch the pinned release from (checked like npm's).
        #[arg(long, value_name = "URL")]
        registry: Option<String>,
    },
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| t!("cli-not-a-date", value = s).into_string())
}

/// The language asked for: `--lang vi|en` (read before clap parses the rest,
/// so that its own messages, such as a bad `--at`, are in that language), else
/// the terminal's locale, else English.
fn language() -> Lang {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut asked = None;
    for (i, a) in args.iter().enumerate() {
        if a == "--" {
            break;
        }
        if let Some(v) = a.strip_prefix("--lang=") {
            asked = Lang::parse(v);
        } else if a == "--lang" {
            asked = args.get(i + 1).and_then(|v| Lang::parse(v));
        }
    }
    asked.unwrap_or_else(|| i18n::from_locale(|name| std::env::var(name).ok()))
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
    i18n::set_lang(language());
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
                println!("{}", loa::terminal::safe(&t!("cli-built", pages = r.pages, files = r.files, changed = r.changed, date = r.as_of, out = out)));
                if r.leaflets > 0 {
                    println!("{}", loa::terminal::safe(&t!("cli-leaflets", count = r.leaflets, typeset = r.leaflets_typeset, reused = r.leaflets - r.leaflets_typeset)));
                }
                if r.pictures_encoded + r.pictures_reused > 0 {
                    println!("{}", loa::terminal::safe(&t!("cli-pictures", encoded = r.pictures_encoded, reused = r.pictures_reused)));
                }
                if r.bundles > 0 {
                    println!("{}", loa::terminal::safe(&t!("cli-bundles", count = r.bundles, made = r.bundles_zipped, reused = r.bundles - r.bundles_zipped)));
                }
                match r.next_change {
                    Some(d) => println!("{}", t!("cli-next-change", date = d)),
                    None => println!("{}", t!("cli-no-change")),
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
        // Each file's count of errors and warnings last: what is left to fix, where.
        Command::Check { root } => match loa::check(&root) {
            Ok(r) => {
                warn(&r.warnings);
                eprint!("{}", loa::terminal::safe(&r.warnings.render_counts()));
                println!("{}", loa::terminal::safe(&t!("cli-check-ok", all = r.all_pages, date = r.as_of, live = r.pages)));
                ExitCode::SUCCESS
            }
            Err(d) => {
                warn(&d);
                eprint!("{}", loa::terminal::safe(&d.render_counts()));
                eprintln!("{}", t!("diag-summary-errors", count = d.error_count()));
                ExitCode::from(1)
            }
        },
        Command::Schedule { root, from, to, json } => match loa::schedule(&root, from, to) {
            Ok(s) => {
                if json {
                    println!("{}", loa::terminal::safe_json(&serde_json::to_string_pretty(&s).unwrap_or_default()));
                } else {
                    print!("{}", loa::schedule::to_text(&s));
                }
                ExitCode::SUCCESS
            }
            Err(d) => fail(&d),
        },
        Command::New { page, root } => match loa::scaffold::new_page(&root, &page) {
            Ok(p) => {
                println!("{}", loa::terminal::safe(&t!("cli-created", file = &p)));
                ExitCode::SUCCESS
            }
            Err(d) => fail(&d),
        },
        Command::Init { dir, deploy } => match loa::scaffold::init(&dir, deploy.as_deref().and_then(Host::parse)) {
            Ok(files) => {
                for f in files {
                    println!("{}", loa::terminal::safe(&t!("cli-created", file = &f)));
                }
                println!("{}", loa::terminal::safe(&t!("cli-init-next", dir = &dir)));
                if deploy.is_some() {
                    deploy_notes();
                }
                ExitCode::SUCCESS
            }
            Err(d) => fail(&d),
        },
        Command::Report { year, access_log, out, root } => {
            // The report is in Vietnamese unless English is asked for.
            let lang = if cli.lang.as_deref() == Some("en") { "en" } else { "vi" };
            match loa::report::report(&root, &loa::report::Options { year, logs: access_log, out, lang: lang.to_owned() }) {
                Ok(o) => {
                    warn(&o.warnings);
                    print!("{}", loa::terminal::safe(&loa::report::summary::text(&o, i18n::lang().code())));
                    ExitCode::SUCCESS
                }
                Err(d) => fail(&d),
            }
        }
        Command::Cms { action: CmsAction::Install { root, from, registry } } => {
            match loa::scaffold::cms_install::install(&root, &loa::scaffold::cms_install::Options { from, registry }) {
                Ok(done) => {
                    for f in &done.files {
                        println!("{}", loa::terminal::safe(&t!("cli-created", file = f)));
                    }
                    let (package, version) = (done.editor.package(), done.editor.version());
                    let said = if done.checked {
                        t!("cli-cms-installed", package = package, version = version, source = done.source.as_str())
                    } else {
                        t!("cli-cms-installed-unchecked", source = done.source.as_str(), sha512 = done.sha512.as_str())
                    };
                    println!("{}", loa::terminal::safe(&said));
                    ExitCode::SUCCESS
                }
                Err(d) => fail(&d),
            }
        }
        Command::DeployConfig { host, root, loa_bin } => {
            let Some(host) = Host::parse(&host) else { return ExitCode::from(2) };
            match loa::scaffold::deploy::write(&root, host, &loa::scaffold::deploy::Options { loa_bin }) {
                Ok(files) => {
                    for f in files {
                        println!("{}", loa::terminal::safe(&t!("cli-created", file = &f)));
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
    println!("{}", loa::terminal::safe(&t!("cli-deploy-notes")));
    if loa::scaffold::deploy::loa_git() == loa::scaffold::deploy::PLACEHOLDER_GIT {
        println!("{}", loa::terminal::safe(&t!("cli-deploy-loa-git", tag = loa::scaffold::deploy::loa_tag())));
    }
}
