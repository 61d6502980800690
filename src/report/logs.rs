//! Access log files read as streams of lines: plain text or gzip (told by
//! their first bytes, not their names), one line at a time into one reused
//! buffer, so memory stays the same whatever the size of the logs.

use std::fs::File;
use std::io::{self, BufRead, BufReader};
use std::path::Path;

use flate2::read::MultiGzDecoder;

/// How many bytes are read from the disk at a time.
const BUFFER: usize = 256 * 1024;

/// A line longer than this is not a log line: it is cut there (and will not
/// read as one), so one broken file cannot fill the memory.
pub const MAX_LINE: usize = 64 * 1024;

/// Opens `path` as a stream of bytes, unpacking gzip (several members one
/// after the other too, as `cat a.gz b.gz` makes).
pub fn open(path: &Path) -> io::Result<Box<dyn BufRead>> {
    let mut file = BufReader::with_capacity(BUFFER, File::open(path)?);
    let gz = file.fill_buf()?.starts_with(&[0x1f, 0x8b]);
    Ok(if gz { Box::new(BufReader::with_capacity(BUFFER, MultiGzDecoder::new(file))) } else { Box::new(file) })
}

/// Calls `each` with every line of `input` (without its `\n`; a line longer
/// than [`MAX_LINE`] cut there), then returns how many there were; an error
/// in the middle (a truncated gzip file) ends the stream and is returned
/// with the lines read before it.
pub fn lines(mut input: impl BufRead, mut each: impl FnMut(&[u8])) -> (u64, Option<io::Error>) {
    let mut line = Vec::with_capacity(1024);
    let mut n = 0;
    loop {
        line.clear();
        match read_line(&mut input, &mut line) {
            Ok(0) => return (n, None),
            Ok(_) => {
                n += 1;
                let l = line.strip_suffix(b"\n").unwrap_or(&line);
                each(l);
            }
            Err(e) => return (n, Some(e)),
        }
    }
}

/// Reads up to and including the next `\n`, keeping at most [`MAX_LINE`]
/// bytes of it; returns the bytes consumed.
fn read_line(input: &mut impl BufRead, line: &mut Vec<u8>) -> io::Result<usize> {
    let mut consumed = 0;
    loop {
        let buf = match input.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            return Ok(consumed);
        }
        let (take, done) = match buf.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (buf.len(), false),
        };
        let room = MAX_LINE.saturating_sub(line.len());
        line.extend_from_slice(&buf[..take.min(room)]);
        input.consume(take);
        consumed += take;
        if done {
            return Ok(consumed);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_with_and_without_a_last_newline() {
        let mut got = Vec::new();
        let (n, err) = lines(&b"a\nb\r\n\nc"[..], |l| got.push(l.to_vec()));
        assert_eq!((n, err.is_none()), (4, true));
        assert_eq!(got, vec![b"a".to_vec(), b"b\r".to_vec(), b"".to_vec(), b"c".to_vec()]);
    }

    #[test]
    fn a_huge_line_is_cut() {
        let text = [vec![b'x'; MAX_LINE * 3], b"\nok\n".to_vec()].concat();
        let mut got = Vec::new();
        lines(&text[..], |l| got.push(l.len()));
        assert_eq!(got, vec![MAX_LINE, 2]);
    }
}
