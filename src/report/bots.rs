//! People or crawlers: a request counts only when its user agent is not a
//! known crawler's. The list is Crawlerdex, bundled by the `iscrawl` crate
//! (feature `database`: the patterns of the crawler-user-agents project and
//! others, kept up to date upstream and shipped with each release of the
//! crate). A request with no agent at all (`-` or empty) is no browser's and
//! is not counted either.
//!
//! The answer for each agent is remembered by a 64-bit hash of it (never
//! the agent itself), in memory only, for as long as the report runs: real
//! logs repeat a few thousand agents a million times.

use std::hash::{BuildHasher, Hasher};

use rustc_hash::{FxBuildHasher, FxHashMap};

/// At most this many agents are remembered; then the memory starts anew.
const REMEMBERED: usize = 50_000;

/// Tells crawlers' requests from people's.
#[derive(Default)]
pub struct Crawlers {
    known: FxHashMap<u64, bool>,
}

impl Crawlers {
    /// A new, empty memory.
    pub fn new() -> Self {
        Crawlers::default()
    }

    /// Whether `agent` (the `User-Agent` as logged) is a crawler's.
    pub fn is_crawler(&mut self, agent: &[u8]) -> bool {
        if agent.is_empty() || agent == b"-" {
            return true;
        }
        let mut h = FxBuildHasher.build_hasher();
        h.write(agent);
        let key = h.finish();
        if let Some(&known) = self.known.get(&key) {
            return known;
        }
        let crawler = listed(agent);
        if self.known.len() >= REMEMBERED {
            self.known.clear();
        }
        self.known.insert(key, crawler);
        crawler
    }
}

/// Whether Crawlerdex lists `agent` (logged bytes; nginx writes non-ASCII
/// bytes as `\xHH`, so the agent is text in practice).
pub fn listed(agent: &[u8]) -> bool {
    iscrawl::crawler_info(&String::from_utf8_lossy(agent)).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crawlers_and_people() {
        let mut c = Crawlers::new();
        for bot in [
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
            "Mozilla/5.0 (compatible; coccocbot-web/1.0; +http://help.coccoc.com/searchengine)",
            "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
            "curl/8.5.0",
            "-",
            "",
        ] {
            assert!(c.is_crawler(bot.as_bytes()), "{bot}");
            assert!(c.is_crawler(bot.as_bytes()), "{bot} (remembered)");
        }
        for person in [
            "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0",
            "Mozilla/5.0 (Linux; Android 12; SM-A125F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0 Mobile Safari/537.36 Zalo android/12110801 ZaloTheme/light",
        ] {
            assert!(!c.is_crawler(person.as_bytes()), "{person}");
        }
    }
}
