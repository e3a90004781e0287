//! Source files and the problems found in them: where each is (file, line, column), which field,
//! and what would be valid.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

/// One problem in a scenario: where it is and what would be valid.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
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
    pub(crate) fn one(path: &Path, field: &str, message: impl Into<String>) -> Self {
        ScenarioError {
            problems: vec![Problem {
                path: path.to_path_buf(),
                line: 0,
                col: 0,
                field: field.to_string(),
                message: message.into(),
            }],
        }
    }
}

/// A source file's path and text, kept to point errors at lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// Where it was read from.
    pub path: PathBuf,
    /// Its text.
    pub text: String,
}

impl SourceFile {
    /// Reads a file.
    pub fn read(path: &Path) -> Result<Self, ScenarioError> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| ScenarioError::one(path, "", format!("cannot read the file: {e}")))?;
        Ok(SourceFile {
            path: path.to_path_buf(),
            text,
        })
    }

    /// Parses the text as RON into `T`, with the error's line and column.
    pub fn parse<T: DeserializeOwned>(&self) -> Result<T, ScenarioError> {
        // `field: value` for an optional field, as well as `field: Some(value)`.
        ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
            .from_str::<T>(&self.text)
            .map_err(|e| ScenarioError {
                problems: vec![Problem {
                    path: self.path.clone(),
                    line: e.span.start.line,
                    col: e.span.start.col,
                    field: String::new(),
                    message: e.code.to_string(),
                }],
            })
    }

    /// Line and column (from 1) of the first occurrence of `needle` at or after byte `from`,
    /// or (0, 0) where it does not occur.
    pub fn locate(&self, needle: &str, from: usize) -> (usize, usize) {
        let start = from.min(self.text.len());
        match self.text[start..].find(needle) {
            Some(offset) => {
                let at = start + offset;
                let before = &self.text[..at];
                let line = before.matches('\n').count() + 1;
                let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                (line, col)
            }
            None => (0, 0),
        }
    }

    /// A problem at the first occurrence of `needle` in the text.
    pub fn problem_at(&self, needle: &str, field: &str, message: impl Into<String>) -> Problem {
        let (line, col) = self.locate(needle, 0);
        Problem {
            path: self.path.clone(),
            line,
            col,
            field: field.to_string(),
            message: message.into(),
        }
    }
}
