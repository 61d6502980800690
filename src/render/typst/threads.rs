//! Threads for typesetting: Typst recurses deeply, so every thread that
//! compiles gets a large stack.

use std::sync::Mutex;

/// Stack size of the threads that typeset.
pub const TYPST_STACK: usize = 64 << 20;

/// A rayon pool whose threads have [`TYPST_STACK`], for work that typesets
/// small documents in parallel (share cards) and hands nothing back to rayon
/// while it waits.
pub fn pool() -> Result<rayon::ThreadPool, rayon::ThreadPoolBuildError> {
    rayon::ThreadPoolBuilder::new().stack_size(TYPST_STACK).build()
}

/// Runs `f` on every item on plain threads (as many as rayon would use), each
/// with a large stack, and returns the results in order.
///
/// Not rayon workers, on purpose: `typst-pdf` hands work to rayon and, while
/// it waits, a rayon worker runs other queued jobs on the same stack — which
/// would start the next leaflet inside the unfinished one, so memory and stack
/// would grow with the number of leaflets (a stack overflow after a few
/// hundred). On a plain thread the wait is a wait; rayon's own pool does the
/// PDF work.
///
/// An item whose `f` panicked gives `None` (Typst is not supposed to panic,
/// but a build must not die of it).
pub fn in_parallel<T: Send, R: Send>(items: Vec<T>, f: impl Fn(T) -> R + Sync) -> Vec<Option<R>> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let n = items.len();
    let threads = rayon::current_num_threads().clamp(1, n.max(1));
    let items: Vec<Mutex<Option<T>>> = items.into_iter().map(|i| Mutex::new(Some(i))).collect();
    let results: Vec<Mutex<Option<R>>> = (0..n).map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    let work = || {
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            if i >= n {
                break;
            }
            let item = items[i].lock().unwrap_or_else(|e| e.into_inner()).take();
            if let Some(item) = item
                && let Ok(r) = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(item)))
            {
                *results[i].lock().unwrap_or_else(|e| e.into_inner()) = Some(r);
            }
        }
    };
    std::thread::scope(|s| {
        let spawned = (0..threads)
            .filter(|i| std::thread::Builder::new().name(format!("loa-typst-{i}")).stack_size(TYPST_STACK).spawn_scoped(s, work).is_ok())
            .count();
        if spawned == 0 {
            work();
        }
    });
    results.into_iter().map(|r| r.into_inner().unwrap_or_else(|e| e.into_inner())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parallel_keeps_order_and_survives_panics() {
        let out = in_parallel((0..50).collect(), |i: i32| if i == 7 { panic!("boom") } else { i * 2 });
        assert_eq!(out.len(), 50);
        assert_eq!(out[7], None);
        assert_eq!(out[49], Some(98));
    }
}
