//! Writing the command line's output. Standard output that closes early (`… | head -1`) ends the
//! program quietly, with success: the reader has what it wanted. A message to standard error
//! that cannot be written is dropped, never a panic.

use std::io::Write as _;

/// Writes `text` to standard output; a closed pipe ends the program quietly.
pub fn out(text: &str) {
    let mut stdout = std::io::stdout().lock();
    if let Err(e) = stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        err(&format!("error: cannot write the output: {e}"));
        std::process::exit(1);
    }
}

/// Writes `line` to standard error, if it can be written.
pub fn err(line: &str) {
    let mut stderr = std::io::stderr().lock();
    let _ = writeln!(stderr, "{line}");
}
