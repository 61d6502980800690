//! What the preview has said in this session: each warning (and note) is
//! printed the first time a build finds it, not again on every rebuild,
//! wherever it moves in its file.

use std::collections::HashSet;

use crate::diag::{Diagnostic, Diagnostics};

/// The warnings said so far, by what they say (file, message and hint,
/// not where: an edit above one moves it without making it new).
#[derive(Debug, Default)]
pub struct Said {
    said: HashSet<(std::path::PathBuf, String, Option<String>)>,
}

impl Said {
    /// Nothing said yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// The diagnostics of `found` not said before in this session, rendered
    /// for the terminal, and now noted as said.
    pub fn fresh(&mut self, found: &Diagnostics) -> String {
        found.iter().filter(|d| self.said.insert(key(d))).map(Diagnostic::render).collect()
    }
}

fn key(d: &Diagnostic) -> (std::path::PathBuf, String, Option<String>) {
    (d.file.clone(), d.message().to_owned(), d.hint().map(str::to_owned))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Position;
    use crate::t;

    #[test]
    fn each_warning_once_wherever_it_moves() {
        let w = |line| Diagnostic::warning("site.yaml", Some(Position::new(line, 1)), t!("check-cms-script-missing", script = "static/admin/decap-cms.js"));
        let mut said = Said::new();
        assert!(said.fresh(&Diagnostics(vec![w(3)])).contains("decap-cms.js"));
        assert_eq!(said.fresh(&Diagnostics(vec![w(3)])), "");
        assert_eq!(said.fresh(&Diagnostics(vec![w(9)])), "", "moved, not new");
        let other = Diagnostic::warning("content/x.md", None, t!("check-unlinked-file"));
        let out = said.fresh(&Diagnostics(vec![w(3), other]));
        assert!(out.contains("content/x.md") && !out.contains("decap-cms.js"), "{out}");
    }
}
