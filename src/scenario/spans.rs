//! Where each value of a RON file stands: a tolerant reading of the file's structure (structs,
//! tuples, lists, maps and their values, each with its byte span), so that a problem found in a
//! parsed value can point at that value's own line and column by its field path
//! (`routes[3].length`), and an error of the parser at a position can name the field it is in.

/// One step of a field path: a field by name, or an element by index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// A struct's field.
    Field(String),
    /// A list's or tuple's element.
    Index(usize),
}

/// A field path such as `forces[0].animals.horses`, as steps.
pub fn steps(path: &str) -> Vec<Step> {
    let mut out = Vec::new();
    for part in path.split('.') {
        let (name, mut rest) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if !name.is_empty() {
            out.push(Step::Field(name.to_string()));
        }
        while let Some(close) = rest.find(']') {
            if let Ok(i) = rest[1..close].parse() {
                out.push(Step::Index(i));
            }
            rest = &rest[close + 1..];
        }
    }
    out
}

/// What a value is.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// `(a: 1, b: 2)` or `Name(a: 1)`.
    Struct {
        /// Its name, if written.
        name: Option<String>,
        /// Its fields in order.
        fields: Vec<(String, Node)>,
    },
    /// `(1, 2)` or `Name(1, 2)` (an enum variant, `Some(x)`).
    Tuple {
        /// Its name, if written.
        name: Option<String>,
        /// Its elements.
        items: Vec<Node>,
    },
    /// `[a, b]`.
    List(Vec<Node>),
    /// `{k: v}`.
    Map(Vec<(Node, Node)>),
    /// A number, string, character, boolean or bare identifier.
    Scalar,
}

/// A value and its place in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// Byte offset of its first character.
    pub start: usize,
    /// Byte offset just past its last character.
    pub end: usize,
    /// What it is.
    pub shape: Shape,
}

impl Node {
    /// The value at `path` below this one, looking through `Some(…)`; none where the path leads
    /// nowhere.
    pub fn find(&self, path: &[Step]) -> Option<&Node> {
        let Some((first, rest)) = path.split_first() else {
            return Some(match &self.shape {
                Shape::Tuple { name, items }
                    if name.as_deref() == Some("Some") && items.len() == 1 =>
                {
                    &items[0]
                }
                _ => self,
            });
        };
        let next = match (&self.shape, first) {
            (Shape::Tuple { name, items }, _)
                if name.as_deref() == Some("Some") && items.len() == 1 =>
            {
                return items[0].find(path);
            }
            (Shape::Struct { fields, .. }, Step::Field(f)) => {
                fields.iter().find(|(n, _)| n == f).map(|(_, v)| v)
            }
            (Shape::Tuple { items, .. } | Shape::List(items), Step::Index(i)) => items.get(*i),
            (Shape::Tuple { items, .. }, Step::Field(f)) => {
                // A newtype variant holding a struct: `Besiege(days: 80)` reads as a struct,
                // but `Variant((a: 1))` as a tuple of one.
                match items.as_slice() {
                    [only] => {
                        return only
                            .find(&[Step::Field(f.clone())])
                            .and_then(|n| n.find(rest));
                    }
                    _ => None,
                }
            }
            _ => None,
        };
        next?.find(rest)
    }

    /// The deepest path that leads to a value, of `path`: the value itself, or its nearest
    /// written ancestor.
    pub fn find_nearest(&self, path: &[Step]) -> &Node {
        (0..=path.len())
            .rev()
            .find_map(|n| self.find(&path[..n]))
            .unwrap_or(self)
    }

    /// The innermost value that contains byte `at` (this one, if no value below it does).
    pub fn innermost(&self, at: usize) -> &Node {
        let children: Vec<&Node> = match &self.shape {
            Shape::Struct { fields, .. } => fields.iter().map(|(_, v)| v).collect(),
            Shape::Tuple { items, .. } | Shape::List(items) => items.iter().collect(),
            Shape::Map(entries) => entries.iter().flat_map(|(k, v)| [k, v]).collect(),
            Shape::Scalar => Vec::new(),
        };
        children
            .into_iter()
            .find(|c| c.start <= at && at < c.end.max(c.start + 1))
            .map_or(self, |c| c.innermost(at))
    }

    /// The field path of the innermost value that contains byte `at`.
    pub fn path_at(&self, at: usize) -> String {
        let mut out = String::new();
        let mut node = self;
        'down: loop {
            let children: Vec<(Option<Step>, &Node)> = match &node.shape {
                Shape::Struct { fields, .. } => fields
                    .iter()
                    .map(|(n, v)| (Some(Step::Field(n.clone())), v))
                    .collect(),
                Shape::Tuple { name, items } if name.as_deref() == Some("Some") => {
                    items.iter().map(|v| (None, v)).collect()
                }
                Shape::Tuple { items, .. } | Shape::List(items) => items
                    .iter()
                    .enumerate()
                    .map(|(i, v)| (Some(Step::Index(i)), v))
                    .collect(),
                Shape::Map(entries) => entries.iter().map(|(_, v)| (None, v)).collect(),
                Shape::Scalar => Vec::new(),
            };
            for (step, child) in children {
                if child.start <= at && at < child.end.max(child.start + 1) {
                    match step {
                        Some(Step::Field(f)) => {
                            if !out.is_empty() {
                                out.push('.');
                            }
                            out.push_str(&f);
                        }
                        Some(Step::Index(i)) => out.push_str(&format!("[{i}]")),
                        None => {}
                    }
                    node = child;
                    continue 'down;
                }
            }
            return out;
        }
    }
}

/// The offset of the first character at or after `at` that is not white space or a comment.
pub fn skip_blank(text: &str, at: usize) -> usize {
    let mut reader = Reader {
        text: text.as_bytes(),
        at: at.min(text.len()),
        depth: 0,
    };
    reader.skip();
    reader.at
}

/// The text of `node`.
pub fn text_of<'a>(source: &'a str, node: &Node) -> &'a str {
    &source[node.start.min(source.len())..node.end.min(source.len())]
}

/// A reader over the text.
struct Reader<'a> {
    text: &'a [u8],
    at: usize,
    depth: usize,
}

/// Deeper than this the reader stops (the parser refuses such files anyway).
const MAX_DEPTH: usize = 256;

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.get(self.at).copied()
    }

    /// Skips white space and comments (`//` lines, nested `/* */` blocks).
    fn skip(&mut self) {
        loop {
            match (self.peek(), self.text.get(self.at + 1).copied()) {
                (Some(c), _) if c.is_ascii_whitespace() => self.at += 1,
                (Some(b'/'), Some(b'/')) => {
                    while self.peek().is_some_and(|c| c != b'\n') {
                        self.at += 1;
                    }
                }
                (Some(b'/'), Some(b'*')) => {
                    self.at += 2;
                    let mut depth = 1;
                    while depth > 0 && self.at < self.text.len() {
                        if self.text[self.at..].starts_with(b"/*") {
                            depth += 1;
                            self.at += 2;
                        } else if self.text[self.at..].starts_with(b"*/") {
                            depth -= 1;
                            self.at += 2;
                        } else {
                            self.at += 1;
                        }
                    }
                }
                _ => return,
            }
        }
    }

    fn identifier(&mut self) -> Option<String> {
        let start = self.at;
        if self.text[self.at..].starts_with(b"r#") {
            self.at += 2;
        }
        while self
            .peek()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == b'_')
        {
            self.at += 1;
        }
        (self.at > start).then(|| {
            String::from_utf8_lossy(&self.text[start..self.at])
                .trim_start_matches("r#")
                .to_string()
        })
    }

    /// A string, raw string, or character literal.
    fn quoted(&mut self) {
        let quote = self.text[self.at];
        self.at += 1;
        while let Some(c) = self.peek() {
            self.at += 1;
            if c == b'\\' {
                self.at += 1;
            } else if c == quote {
                return;
            }
        }
    }

    fn raw_string(&mut self) {
        // r##"…"##
        self.at += 1;
        let mut hashes = 0;
        while self.peek() == Some(b'#') {
            hashes += 1;
            self.at += 1;
        }
        if self.peek() != Some(b'"') {
            return;
        }
        self.at += 1;
        while self.at < self.text.len() {
            if self.text[self.at] == b'"'
                && self.text[self.at + 1..]
                    .iter()
                    .take(hashes)
                    .filter(|c| **c == b'#')
                    .count()
                    == hashes
            {
                self.at += 1 + hashes;
                return;
            }
            self.at += 1;
        }
    }

    fn value(&mut self) -> Option<Node> {
        self.skip();
        if self.depth > MAX_DEPTH {
            return None;
        }
        let start = self.at;
        let c = self.peek()?;
        let shape = match c {
            b'"' | b'\'' => {
                self.quoted();
                Shape::Scalar
            }
            b'(' => self.parens(None),
            b'[' => {
                self.at += 1;
                self.depth += 1;
                let mut items = Vec::new();
                loop {
                    self.skip();
                    match self.peek() {
                        Some(b']') => {
                            self.at += 1;
                            break;
                        }
                        Some(b',') => self.at += 1,
                        None => break,
                        _ => match self.value() {
                            Some(v) => items.push(v),
                            None => break,
                        },
                    }
                }
                self.depth -= 1;
                Shape::List(items)
            }
            b'{' => {
                self.at += 1;
                self.depth += 1;
                let mut entries = Vec::new();
                loop {
                    self.skip();
                    match self.peek() {
                        Some(b'}') => {
                            self.at += 1;
                            break;
                        }
                        Some(b',') => self.at += 1,
                        None => break,
                        _ => {
                            let Some(k) = self.value() else { break };
                            self.skip();
                            if self.peek() == Some(b':') {
                                self.at += 1;
                            }
                            let Some(v) = self.value() else { break };
                            entries.push((k, v));
                        }
                    }
                }
                self.depth -= 1;
                Shape::Map(entries)
            }
            c if c.is_ascii_alphabetic() || c == b'_' => {
                if c == b'r' && matches!(self.text.get(self.at + 1), Some(b'"'))
                    || self.text[self.at..].starts_with(b"r#\"")
                    || self.text[self.at..].starts_with(b"r##")
                {
                    self.raw_string();
                    Shape::Scalar
                } else {
                    let name = self.identifier();
                    self.skip();
                    if self.peek() == Some(b'(') {
                        self.parens(name)
                    } else {
                        Shape::Scalar
                    }
                }
            }
            _ => {
                // A number (or anything else): up to the next delimiter.
                while self.peek().is_some_and(|c| {
                    !matches!(c, b',' | b')' | b']' | b'}' | b':') && !c.is_ascii_whitespace()
                }) {
                    self.at += 1;
                }
                if self.at == start {
                    self.at += 1;
                }
                Shape::Scalar
            }
        };
        Some(Node {
            start,
            end: self.at,
            shape,
        })
    }

    /// `( … )` after an optional name: a struct if its first element is `field:`, else a tuple.
    fn parens(&mut self, name: Option<String>) -> Shape {
        self.at += 1;
        self.depth += 1;
        let mut fields = Vec::new();
        let mut items = Vec::new();
        loop {
            self.skip();
            match self.peek() {
                Some(b')') => {
                    self.at += 1;
                    break;
                }
                Some(b',') => self.at += 1,
                None => break,
                _ => {
                    // `field: value`?
                    let mark = self.at;
                    if let Some(field) = self.identifier() {
                        self.skip();
                        if self.peek() == Some(b':') && self.text.get(self.at + 1) != Some(&b':') {
                            self.at += 1;
                            match self.value() {
                                Some(v) => fields.push((field, v)),
                                None => break,
                            }
                            continue;
                        }
                    }
                    self.at = mark;
                    match self.value() {
                        Some(v) => items.push(v),
                        None => break,
                    }
                }
            }
        }
        self.depth -= 1;
        if !fields.is_empty() || items.is_empty() && name.is_none() {
            Shape::Struct { name, fields }
        } else {
            Shape::Tuple { name, items }
        }
    }
}

/// The structure of a RON text, as far as it can be read.
pub fn read(text: &str) -> Option<Node> {
    let mut reader = Reader {
        text: text.as_bytes(),
        at: 0,
        depth: 0,
    };
    // Leading `#![enable(…)]` attributes.
    loop {
        reader.skip();
        if reader.text[reader.at..].starts_with(b"#![") {
            while reader.peek().is_some_and(|c| c != b']') {
                reader.at += 1;
            }
            reader.at += 1;
        } else {
            break;
        }
    }
    reader.value()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = r#"// a map
(
    name: "x", /* note */ li_km: 0.4158,
    routes: [
        (from: "a", to: "b", length: Km(10.0)),
        (from: "b", to: "c", length: Li(0.0), waterless_days: -1.0),
    ],
    plan: [March("a"), Besiege(days: 80, assault_from: Some(30)), Detach(name: "d", size: Share(0.3), plan: [Rest(2)])],
)"#;

    fn at(path: &str) -> &'static str {
        let tree = read(TEXT).unwrap();
        let node = tree.find(&steps(path)).expect(path);
        &TEXT[node.start..node.end]
    }

    #[test]
    fn a_field_path_finds_its_own_value() {
        assert_eq!(at("routes[1].length"), "Li(0.0)");
        assert_eq!(at("routes[1].waterless_days"), "-1.0");
        assert_eq!(at("routes[0].length"), "Km(10.0)");
        assert_eq!(at("plan[1].assault_from"), "30");
        assert_eq!(at("plan[2].plan[0]"), "Rest(2)");
        assert_eq!(at("li_km"), "0.4158");
    }

    #[test]
    fn a_position_names_its_field() {
        let tree = read(TEXT).unwrap();
        let offset = TEXT.find("-1.0").unwrap();
        assert_eq!(tree.path_at(offset), "routes[1].waterless_days");
        let offset = TEXT.find("Rest(2)").unwrap() + 5;
        assert_eq!(tree.path_at(offset), "plan[2].plan[0][0]");
    }
}
