//! Source files and the problems found in them: where each is (file, line, column), which field,
//! and what would be valid, in the modder's words.
//!
//! A file is read only if it is a regular file of at most [`MAX_FILE_BYTES`] (not a device, a
//! pipe or a folder), as UTF-8 (a byte-order mark is skipped; a byte that is not UTF-8 is a
//! problem at its line and column). Every problem points at the value it is about, found by its
//! field path in the file's structure ([`super::spans`]); the parser's own errors are told in
//! the modder's words, naming the field and what would be valid, never a Rust type.

use std::fmt;
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::de::DeserializeOwned;

use super::spans::{self, Node, steps, text_of};

/// The largest scenario file read, in bytes.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// How deep values may nest in a scenario file (detachments within detachments, …).
pub const MAX_NESTING: usize = 96;

/// One problem in a scenario: where it is and what would be valid.
#[derive(Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    /// The file.
    pub path: PathBuf,
    /// Line, from 1 (0 where the problem has no place in the text).
    pub line: usize,
    /// Column, from 1.
    pub col: usize,
    /// The field or entry at fault, such as `plan[3]` or `routes[2].to`.
    pub field: String,
    /// What is wrong, and what would be valid.
    pub message: String,
    /// The bytes of the value at fault, to show the line with a caret under it.
    #[serde(skip)]
    pub span: Option<(usize, usize)>,
    /// The file's text, to show the line.
    #[serde(skip)]
    pub text: Option<Arc<str>>,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if self.line > 0 {
            write!(f, ":{}:{}", self.line, self.col)?;
        }
        if self.field.is_empty() {
            write!(f, ": {}", self.message)
        } else {
            write!(f, ": {}: {}", self.field, self.message)
        }
    }
}

impl fmt::Debug for Problem {
    /// The problem as `Display` shows it: the file's text it keeps is left out.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Problem({self})")
    }
}

impl Problem {
    /// A problem with no place in a text.
    pub fn nowhere(path: &Path, field: &str, message: impl Into<String>) -> Problem {
        Problem {
            path: path.to_path_buf(),
            line: 0,
            col: 0,
            field: field.to_string(),
            message: message.into(),
            span: None,
            text: None,
        }
    }

    /// The problem as the Rust compiler shows its errors: the message, the file, line and
    /// column, and the line itself with a caret under the value.
    pub fn render(&self) -> String {
        use codespan_reporting::diagnostic::{Diagnostic, Label};
        use codespan_reporting::files::SimpleFile;
        use codespan_reporting::term::{Config, emit_into_string};
        let message = if self.field.is_empty() {
            self.message.clone()
        } else {
            format!("{}: {}", self.field, self.message)
        };
        let (Some((start, end)), Some(text)) = (self.span, &self.text) else {
            return format!("error: {message}\n  --> {self}\n");
        };
        let file = SimpleFile::new(self.path.display().to_string(), text.as_ref());
        let end = end.max(start + 1).min(text.len()).max(start);
        let mut label = Label::primary((), start..end);
        if !self.field.is_empty() {
            label = label.with_message(self.field.clone());
        }
        let diagnostic = Diagnostic::error()
            .with_message(message)
            .with_labels(vec![label]);
        emit_into_string(&Config::default(), &file, &diagnostic)
            .unwrap_or_else(|_| format!("error: {self}\n"))
    }
}

/// Why a scenario failed to load: every problem found, each with its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScenarioError {
    /// The problems, in file order.
    pub problems: Vec<Problem>,
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, problem) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ScenarioError {}

impl ScenarioError {
    /// An error of one problem with no place in a text.
    pub(crate) fn one(path: &Path, field: &str, message: impl Into<String>) -> Self {
        ScenarioError {
            problems: vec![Problem::nowhere(path, field, message)],
        }
    }

    /// Every problem shown as the Rust compiler shows its errors.
    pub fn render(&self) -> String {
        self.problems.iter().map(Problem::render).collect()
    }
}

/// A source file's path, its text, and the structure of its values.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceFile {
    /// Where it was read from.
    pub path: PathBuf,
    /// Its text.
    pub text: String,
    /// Its values and their places, as far as they could be read.
    tree: Option<Node>,
    shared: Arc<str>,
}

/// Line and column (from 1) of byte `at` of `text`.
pub fn line_col(text: &str, at: usize) -> (usize, usize) {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// Byte offset of line `line`, column `col` (from 1, in characters) of `text`.
fn offset_of(text: &str, line: usize, col: usize) -> usize {
    let mut offset = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            return offset
                + l.char_indices()
                    .nth(col.saturating_sub(1))
                    .map_or(l.len(), |(b, _)| b);
        }
        offset += l.len();
    }
    text.len()
}

impl SourceFile {
    /// A source file of `text`, as if read from `path`.
    pub fn new(path: &Path, text: String) -> Self {
        let tree = spans::read(&text);
        SourceFile {
            path: path.to_path_buf(),
            shared: Arc::from(text.as_str()),
            text,
            tree,
        }
    }

    /// Reads a scenario file: a regular file, not too large, UTF-8.
    pub fn read(path: &Path) -> Result<Self, ScenarioError> {
        let fail = |why: String| ScenarioError::one(path, "", why);
        let meta =
            std::fs::metadata(path).map_err(|e| fail(format!("cannot read the file: {e}")))?;
        if !meta.is_file() {
            return Err(fail(
                "is not a regular file (a folder, a device or a pipe); give a RON file".to_string(),
            ));
        }
        if meta.len() > MAX_FILE_BYTES {
            return Err(fail(format!(
                "is {} bytes; a scenario file may be at most {MAX_FILE_BYTES}",
                meta.len()
            )));
        }
        let mut bytes = Vec::new();
        std::fs::File::open(path)
            .and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
            .map_err(|e| fail(format!("cannot read the file: {e}")))?;
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return Err(fail(format!(
                "is more than {MAX_FILE_BYTES} bytes, the most a scenario file may be"
            )));
        }
        // A byte-order mark is no part of the text.
        let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
        let text = match std::str::from_utf8(body) {
            Ok(t) => t.to_string(),
            Err(e) => {
                let good = String::from_utf8_lossy(&body[..e.valid_up_to()]).into_owned();
                let (line, col) = line_col(&good, good.len());
                return Err(ScenarioError {
                    problems: vec![Problem {
                        line,
                        col,
                        ..Problem::nowhere(
                            path,
                            "",
                            "this byte is not UTF-8 text; save the file as UTF-8",
                        )
                    }],
                });
            }
        };
        Ok(SourceFile::new(path, text))
    }

    /// A problem about the value at `field` (a path such as `routes[2].length`), pointing at that
    /// value, or at its nearest written ancestor where it is not written (a field left out).
    pub fn problem(&self, field: &str, message: impl Into<String>) -> Problem {
        let span = self.tree.as_ref().map(|tree| {
            let node = tree.find_nearest(&steps(field));
            (node.start, node.end)
        });
        let (line, col) = span.map_or((0, 0), |(s, _)| line_col(&self.text, s));
        Problem {
            path: self.path.clone(),
            line,
            col,
            field: field.to_string(),
            message: message.into(),
            span,
            text: Some(self.shared.clone()),
        }
    }

    /// The text of the value at `field`, if it is written.
    pub fn value_text(&self, field: &str) -> Option<&str> {
        let tree = self.tree.as_ref()?;
        tree.find(&steps(field)).map(|n| text_of(&self.text, n))
    }

    /// Parses the text as RON into `T`; an error names its line, column and field, in the
    /// modder's words.
    pub fn parse<T: DeserializeOwned>(&self) -> Result<T, ScenarioError> {
        // A file written for a newer format is told so before its new fields are taken for
        // mistakes.
        if let Some(written) = self.value_text("format") {
            let written = written
                .trim()
                .trim_start_matches("Some(")
                .trim_end_matches(')');
            let known = super::types::FORMAT;
            if written.parse::<u32>().is_ok_and(|v| v > known) {
                return Err(ScenarioError {
                    problems: vec![self.problem(
                        "format",
                        format!(
                            "this file is written for format {written}, and this game reads format {known} and older: update the game, or write the file for format {known} (the modding guide lists its fields)"
                        ),
                    )],
                });
            }
        }
        // `field: value` for an optional field, as well as `field: Some(value)`.
        let options = ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
            .with_recursion_limit(MAX_NESTING);
        options.from_str::<T>(&self.text).map_err(|e| {
            // The parser's position may fall before the value (on the blank after a colon) or
            // inside it (on the `.` of `54000.5`, after the `-` of `-5`): the value at fault is
            // the innermost scalar at the first character that is not blank.
            let raw = offset_of(&self.text, e.span.start.line, e.span.start.col);
            let mut at = spans::skip_blank(&self.text, raw);
            let mut end = offset_of(&self.text, e.span.end.line, e.span.end.col).max(at);
            let field = self
                .tree
                .as_ref()
                .map(|t| t.path_at(at))
                .unwrap_or_default();
            if let Some(node) = self.tree.as_ref().map(|t| t.innermost(at))
                && matches!(node.shape, spans::Shape::Scalar)
            {
                (at, end) = (node.start, node.end);
            }
            let found = self.text.get(at..end).unwrap_or("").trim();
            let (line, col) = line_col(&self.text, at);
            ScenarioError {
                problems: vec![Problem {
                    path: self.path.clone(),
                    line,
                    col,
                    message: words(&e.code, found, &field),
                    field,
                    span: Some((at, end)),
                    text: Some(self.shared.clone()),
                }],
            }
        })
    }
}

/// The closest known name to `wrong`, if any is close enough to be a likely typo.
pub fn did_you_mean<'a>(wrong: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    known
        .into_iter()
        .map(|k| (strsim::levenshtein(wrong, k), k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 3))
        .min()
        .map(|(_, k)| k)
}

/// A list of names for a message: `a, b or c`.
fn either(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => format!("`{one}`"),
        [init @ .., last] => format!(
            "{} or `{last}`",
            init.iter()
                .map(|n| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// The parser's error in the modder's words: what is wrong with the value written (`found`) in
/// `field`, and what would be valid.
fn words(code: &ron::error::Error, found: &str, field: &str) -> String {
    use ron::error::Error as E;
    let shown = if found.chars().count() > 40 {
        format!("{}…", found.chars().take(40).collect::<String>())
    } else {
        found.to_string()
    };
    let is_float = found.contains(['.', 'e', 'E']) && found.parse::<f64>().is_ok();
    let is_text = found.starts_with('"');
    let hint = |known: &[&str], wrong: &str| {
        did_you_mean(wrong, known.iter().copied())
            .map(|m| format!(" (did you mean `{m}`?)"))
            .unwrap_or_default()
    };
    match code {
        E::NoSuchStructField {
            expected, found, ..
        } => format!(
            "there is no field `{found}` here{}; the fields here are {}",
            hint(expected, found),
            either(expected)
        ),
        E::MissingStructField { field: missing, .. } => {
            format!("the field `{missing}` is missing here; give it (`{missing}: …`)")
        }
        E::DuplicateStructField { field: twice, .. } => {
            format!("the field `{twice}` is given twice; give it once")
        }
        E::NoSuchEnumVariant {
            expected, found, ..
        } => format!(
            "`{found}` is not one of the choices here{}; write {}",
            hint(expected, found),
            either(expected)
        ),
        E::IntegerOutOfBounds if shown.starts_with('-') => format!(
            "`{shown}` is negative; a count or a number of days cannot be: give a whole number from 0 up"
        ),
        E::IntegerOutOfBounds => format!(
            "`{shown}` is out of range; give a whole number from 0 to {} (counts and days are not negative)",
            if field.ends_with("seed") {
                u64::MAX.to_string()
            } else {
                u32::MAX.to_string()
            }
        ),
        E::ExpectedInteger | E::ExpectedComma if is_float => {
            format!("`{shown}` is not a whole number; give a whole number here, such as 6000")
        }
        E::ExpectedInteger if is_text => {
            format!("a number is wanted here, not the text {shown}; write it without quotes")
        }
        E::ExpectedInteger => whole_wanted(field, &shown),
        E::ExpectedFloat if is_text => {
            format!("a number is wanted here, not the text {shown}; write it without quotes")
        }
        E::ExpectedFloat => format!("a number is wanted here, such as 12.5, not `{shown}`"),
        E::ExpectedString => format!("a text in double quotes is wanted here, not `{shown}`"),
        E::ExpectedBoolean => format!("`true` or `false` is wanted here, not `{shown}`"),
        E::ExceededRecursionLimit => format!(
            "this is nested too deeply (at most {MAX_NESTING} levels, such as detachments within detachments)"
        ),
        E::InvalidValueForType { expected, found } => format!(
            "{} is not valid here; {} is wanted",
            plain(found),
            plain(expected)
        ),
        E::ExpectedDifferentLength { expected, found } => {
            format!("{found} values are given; {} are wanted", plain(expected))
        }
        E::InvalidIntegerDigit { .. } => whole_wanted(field, &shown),
        E::Message(m) => plain(m),
        E::Eof => "the file ends too soon: a `)`, `]` or value is missing".to_string(),
        E::TrailingCharacters => {
            "there is more after the end of the file's value; remove it or close the brackets earlier"
                .to_string()
        }
        E::ExpectedStructLikeEnd | E::ExpectedArrayEnd | E::ExpectedComma => {
            format!("a `,` or a closing bracket is wanted here, not `{shown}`")
        }
        other => plain(&other.to_string()),
    }
}

/// That a whole number is wanted in `field`, not what was written.
fn whole_wanted(field: &str, shown: &str) -> String {
    if field.ends_with("month") {
        format!("a month is a whole number from 1 to 12 here, not `{shown}`")
    } else {
        format!("a whole number is wanted here, such as 6000, not `{shown}`")
    }
}

/// Serde's words without Rust's: no type names, no `struct`/`enum` jargon.
fn plain(words: &str) -> String {
    let mut out = words.to_string();
    for (rust, ours) in [
        ("u32", "a whole number"),
        ("u64", "a whole number"),
        ("usize", "a whole number"),
        ("i32", "a whole number"),
        ("f64", "a number"),
        ("a string", "a text in quotes"),
        ("a sequence", "a list [ … ]"),
        ("tuple struct", "value"),
    ] {
        out = out.replace(rust, ours);
    }
    // "struct PerAnimal" and the like: the type's name is no word of the format.
    for kind in ["struct ", "enum ", "newtype struct "] {
        while let Some(i) = out.find(kind) {
            let rest = &out[i + kind.len()..];
            let end = rest
                .find(|c: char| !c.is_alphanumeric() && c != '_')
                .unwrap_or(rest.len());
            out.replace_range(i..i + kind.len() + end, "a ( … ) value");
        }
    }
    out
}
