//! The preview's accept loop: hyper's HTTP/1 server with limits, so idle or
//! slow connections cannot stop it (370 idle connections used to).
//!
//! - A connection that has sent nothing yet waits apart, holding none of the
//!   [`MAX_CONNECTIONS`] slots, for at most [`FIRST_BYTE`]; at most
//!   [`MAX_WAITING`] wait so (more are closed at once).
//! - A connection that sent something takes a slot (waiting for one for at
//!   most [`FIRST_BYTE`]) and is served; its request headers must arrive
//!   within [`HEADER_TIMEOUT`], which is also how long a kept-alive
//!   connection may stay idle between requests.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

/// Connections served at once (a browser opens about six per site, and one
/// more per tab for live reload).
pub const MAX_CONNECTIONS: usize = 64;
/// Connections accepted that have not sent anything yet.
pub const MAX_WAITING: usize = 512;
/// How long a connection may wait, silent, for its first byte, or for a slot.
pub const FIRST_BYTE: Duration = Duration::from_secs(10);
/// How long a request's headers may take, and a kept-alive connection may idle.
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);

/// Serves `app` on `listener` until `shutdown` completes.
pub async fn serve(listener: TcpListener, app: Router, shutdown: impl Future<Output = ()>) {
    let slots = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    let waiting = Arc::new(Semaphore::new(MAX_WAITING));
    tokio::pin!(shutdown);
    loop {
        let accepted = tokio::select! {
            a = listener.accept() => a,
            () = &mut shutdown => return,
        };
        let stream = match accepted {
            Ok((stream, _)) => stream,
            Err(_) => {
                // Out of file descriptors, or a connection reset before it was
                // accepted: wait a little rather than spin.
                tokio::time::sleep(Duration::from_millis(20)).await;
                continue;
            }
        };
        let Ok(wait) = waiting.clone().try_acquire_owned() else { continue };
        let (slots, app) = (slots.clone(), app.clone());
        tokio::spawn(async move {
            // Data (or the end of the stream), not readiness alone: `readable()`
            // may report a silent connection.
            let mut first = [0u8; 1];
            if !matches!(tokio::time::timeout(FIRST_BYTE, stream.peek(&mut first)).await, Ok(Ok(1..))) {
                return;
            }
            let Ok(Ok(_slot)) = tokio::time::timeout(FIRST_BYTE, slots.acquire_owned()).await else { return };
            drop(wait);
            let mut builder = http1::Builder::new();
            builder.timer(TokioTimer::new()).header_read_timeout(HEADER_TIMEOUT);
            let _ = builder.serve_connection(TokioIo::new(stream), TowerToHyperService::new(app)).await;
        });
    }
}
