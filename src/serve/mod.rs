//! `loa serve`: a live preview. Builds the site into its own temporary folder
//! (never `dist/`), serves it on 127.0.0.1, watches the site's files, rebuilds
//! what changed and reloads every open tab. A failed rebuild keeps the server
//! running: every page shows the error until the file is fixed.
//!
//! Serving is axum with tower-http's `ServeDir`; reloading is tower-livereload
//! (server-sent events), whose small script is injected into HTML responses only
//! while serving, never written to disk. Watching is notify through
//! notify-debouncer-full, so an editor's burst of writes is one rebuild.
//!
//! Only this computer's browsers are answered ([`host`]); idle and slow
//! connections are bounded ([`listen`]); the preview folder is private
//! ([`folder`]).

pub mod folder;
pub mod host;
pub mod listen;
pub mod rebuild;
pub mod said;

use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::Duration;

use axum::extract::{Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;
use chrono::NaiveDate;
use notify_debouncer_full::notify::{EventKind, RecursiveMode};
use tower_http::services::{ServeDir, ServeFile};
use tower_livereload::LiveReloadLayer;

use crate::diag::{Diagnostic, Diagnostics};
use crate::t;
pub use rebuild::{Outcome, Rebuilder};

/// What `loa serve` was asked for.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The site's folder.
    pub root: PathBuf,
    /// The day to preview; default today in the site's timezone.
    pub at: Option<NaiveDate>,
    /// The first port to try (the next free one is taken if it is busy).
    pub port: u16,
    /// The address to listen on.
    pub bind: IpAddr,
    /// Open the preview in the default browser.
    pub open: bool,
    /// Show drafts (the default while previewing).
    pub drafts: bool,
}

/// The error page every HTML request gets while the last rebuild failed.
type ErrorPage = Arc<RwLock<Option<String>>>;

/// The overlay shown instead of pages while the site has errors.
pub fn error_page(d: &Diagnostics) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<title>{}</title><style>body{{font-family:system-ui,sans-serif;margin:0;background:#fef2f2;color:#1c1917}}main{{max-width:60rem;margin:0 auto;padding:1rem}}\
h1{{color:#991b1b;font-size:1.3rem}}pre{{background:#fff;border:2px solid #991b1b;padding:1rem;overflow-x:auto;white-space:pre-wrap;font-size:0.95rem}}</style></head>\
<body><main><h1>{}</h1><p>{}</p>\
<pre>{}</pre></main></body></html>\n",
        crate::i18n::lang().code(),
        crate::render::escape::attribute(t!("serve-error-title").as_str()),
        crate::render::escape::attribute(t!("serve-error-heading").as_str()),
        crate::render::escape::attribute(t!("serve-error-text").as_str()),
        crate::render::escape::attribute(&d.render())
    )
}

async fn overlay(State(errors): State<ErrorPage>, req: Request, next: Next) -> Response {
    let path = req.uri().path();
    let is_page = path.ends_with('/') || path.ends_with(".html") || !path.rsplit('/').next().unwrap_or("").contains('.');
    if is_page && let Some(html) = errors.read().ok().and_then(|e| e.clone()) {
        return (StatusCode::INTERNAL_SERVER_ERROR, [(header::CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response();
    }
    next.run(req).await
}

/// How long the watcher waits for more events before rebuilding: long
/// enough to take an editor's save (a temporary file written, renamed over
/// the page, its time set) as one change, short enough not to be felt.
pub const DEBOUNCE: Duration = Duration::from_millis(25);

/// The longest name of a file most file systems allow, in bytes.
const MAX_NAME: usize = 255;
/// The longest path the preview answers at all.
const MAX_PATH: usize = 4096;

/// Whether a request path can name no file of the preview (a segment longer
/// than a file name may be): the answer is then a plain 404, not the file
/// system's error.
pub fn impossible_path(path: &str) -> bool {
    path.split('/').any(|seg| seg.len() > MAX_NAME)
}

/// Answers paths no file can have with 404 (or 414 when the whole path is
/// too long), as a static server would.
async fn bounded_paths(State(not_found): State<PathBuf>, req: Request, next: Next) -> Response {
    let path = req.uri().path();
    if path.len() > MAX_PATH {
        return (StatusCode::URI_TOO_LONG, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], "414 URI Too Long\n").into_response();
    }
    if impossible_path(path) {
        let body = std::fs::read(&not_found).unwrap_or_else(|_| b"404 Not Found\n".to_vec());
        return (StatusCode::NOT_FOUND, [(header::CONTENT_TYPE, "text/html; charset=utf-8")], body).into_response();
    }
    next.run(req).await
}

fn is_relevant(root: &Path, p: &Path) -> bool {
    let Ok(rel) = p.strip_prefix(root) else { return false };
    let name = rel.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    if name.starts_with('.') || name.ends_with('~') || name.ends_with(".swp") || name.ends_with(".tmp") || name == "4913" {
        return false;
    }
    rel.starts_with("content") || rel.starts_with("themes") || matches!(name.as_str(), "site.yaml" | "calendar.yaml" | "localities.yaml")
}

/// Runs the preview until Ctrl-C.
pub fn serve(opts: ServeOptions) -> Result<(), Diagnostics> {
    let root = crate::paths::absolute(&opts.root).map_err(|e| Diagnostic::error("--root", None, t!("out-cannot-resolve-root", detail = &e)))?;
    let out_dir = folder::create().map_err(|e| Diagnostic::error(std::env::temp_dir(), None, t!("serve-cannot-start", detail = &e)))?;
    let mut rebuilder = Rebuilder::new(&root, &out_dir, opts.at, opts.drafts);
    let errors: ErrorPage = Arc::new(RwLock::new(None));
    // Each warning is said once in the session, not on every rebuild.
    let mut said = said::Said::new();
    match rebuilder.rebuild(&[]) {
        Ok(o) => {
            eprint!("{}", crate::terminal::safe(&said.fresh(&o.warnings)));
            println!("{}", crate::terminal::safe(&t!("serve-built", ms = o.elapsed.as_millis() as u64)));
        }
        Err(d) => {
            eprint!("{}", d.render());
            if let Ok(mut e) = errors.write() {
                *e = Some(error_page(&d));
            }
        }
    }

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| Diagnostic::error("serve", None, t!("serve-cannot-start", detail = &e)))?;
    let result = runtime.block_on(run(opts, root, rebuilder, errors, said));
    let _ = std::fs::remove_dir_all(&out_dir);
    result
}

async fn run(opts: ServeOptions, root: PathBuf, rebuilder: Rebuilder, errors: ErrorPage, said: said::Said) -> Result<(), Diagnostics> {
    let out_dir = rebuilder.out_dir().to_path_buf();
    let mut listener = None;
    for port in opts.port..=opts.port.saturating_add(20) {
        if let Ok(l) = tokio::net::TcpListener::bind(SocketAddr::new(opts.bind, port)).await {
            listener = Some(l);
            break;
        }
    }
    let listener = listener.ok_or_else(|| {
        Diagnostic::error("--port", None, t!("serve-ports-taken", first = opts.port, last = opts.port.saturating_add(20))).with_hint(t!("serve-ports-taken-hint"))
    })?;
    let addr = listener.local_addr().map_err(|e| Diagnostic::error("serve", None, t!("serve-cannot-start", detail = &e)))?;
    let url = format!("http://{addr}/");
    let day = opts.at.map_or_else(|| t!("serve-today"), |d| t!("serve-day", date = d));
    let serving = if opts.drafts { t!("serve-serving-drafts", url = url.as_str(), day = day, folder = &out_dir) } else { t!("serve-serving", url = url.as_str(), day = day, folder = &out_dir) };
    println!("{}", crate::terminal::safe(&serving));
    println!("{}", crate::terminal::safe(&t!("serve-stop")));
    if opts.open {
        let _ = open::that_detached(&url);
    }

    let livereload = LiveReloadLayer::new();
    let reloader = livereload.reloader();
    watch(root, rebuilder, errors.clone(), said, move || reloader.reload())?;

    let not_found = ServeFile::new(out_dir.join(crate::urls::NOT_FOUND));
    let app = Router::new()
        .fallback_service(ServeDir::new(&out_dir).not_found_service(not_found))
        .layer(middleware::from_fn_with_state(errors, overlay))
        .layer(middleware::from_fn_with_state(out_dir.join(crate::urls::NOT_FOUND), bounded_paths))
        .layer(livereload)
        .layer(middleware::from_fn_with_state(opts.bind, host::only_local));
    listen::serve(listener, app, async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await;
    Ok(())
}

/// Watches the site and rebuilds on a thread of its own; `reload` tells browsers.
fn watch(root: PathBuf, mut rebuilder: Rebuilder, errors: ErrorPage, mut said: said::Said, reload: impl Fn() + Send + 'static) -> Result<(), Diagnostics> {
    let (tx, rx) = std::sync::mpsc::channel();
    let mut debouncer = notify_debouncer_full::new_debouncer(DEBOUNCE, None, tx)
        .map_err(|e| Diagnostic::error("serve", None, t!("serve-cannot-watch", detail = e.to_string())))?;
    for dir in ["content", "themes"] {
        let p = root.join(dir);
        if p.is_dir() {
            debouncer.watch(&p, RecursiveMode::Recursive).map_err(|e| Diagnostic::error(dir, None, t!("serve-cannot-watch", detail = e.to_string())))?;
        }
    }
    debouncer.watch(&root, RecursiveMode::NonRecursive).map_err(|e| Diagnostic::error(".", None, t!("serve-cannot-watch", detail = e.to_string())))?;
    std::thread::spawn(move || {
        let _keep = debouncer;
        let mut last_error: Option<String> = None;
        for events in rx {
            let Ok(events) = events else { continue };
            let mut paths: Vec<PathBuf> = events
                .iter()
                .filter(|e| !matches!(e.event.kind, EventKind::Access(_)))
                .flat_map(|e| e.event.paths.iter().cloned())
                .filter(|p| is_relevant(&root, p))
                .collect();
            paths.sort();
            paths.dedup();
            if paths.is_empty() {
                continue;
            }
            match rebuilder.rebuild(&paths) {
                Ok(o) => {
                    if last_error.take().is_some() {
                        println!("{}", crate::terminal::safe(&t!("serve-fixed")));
                    }
                    eprint!("{}", crate::terminal::safe(&said.fresh(&o.warnings)));
                    if let Ok(mut e) = errors.write() {
                        *e = None;
                    }
                    let ms = o.elapsed.as_millis() as u64;
                    let rebuilt = if o.incremental { t!("serve-rebuilt-pages", ms = ms, count = o.changed_files) } else { t!("serve-rebuilt-site", ms = ms, count = o.changed_files) };
                    println!("{}", crate::terminal::safe(&rebuilt));
                }
                Err(d) => {
                    let text = d.render();
                    if last_error.as_deref() != Some(text.as_str()) {
                        eprint!("{}", crate::terminal::safe(&text));
                        last_error = Some(text);
                    }
                    if let Ok(mut e) = errors.write() {
                        *e = Some(error_page(&d));
                    }
                }
            }
            reload();
        }
    });
    Ok(())
}
