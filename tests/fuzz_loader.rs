//! A property test over the loader: the shipped scenario files mutated at random (bytes cut,
//! tokens and extreme numbers put in, lines doubled) must load or be refused with located
//! problems, never panic or hang. Runs `PROPTEST_CASES` cases (default 3,000: under a minute).

mod common;

use std::path::{Path, PathBuf};

use heavenly_horses::scenario::Scenario;
use proptest::prelude::*;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The files mutated, relative to the scenarios folder.
const FILES: [&str; 4] = [
    "second_expedition_102bc.ron",
    "first_expedition_104bc.ron",
    "maps/western_regions.ron",
    "rules/han_army.ron",
];

/// Things put into a file.
const TOKENS: [&str; 24] = [
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "\"",
    "'",
    "-",
    "1e308",
    "-1",
    "NaN",
    "inf",
    "4294967295",
    "99999999999",
    "0",
    "Some(",
    "None",
    "r#\"x\"#",
    "/*",
    "//",
    "\u{feff}",
];

#[derive(Debug, Clone)]
enum Mutation {
    /// Cut `len` bytes at a place (a fraction of the file).
    Cut(f64, usize),
    /// Put a token at a place.
    Put(f64, usize),
    /// Double the line at a place.
    Double(f64),
    /// Replace the number at a place with a token.
    Number(f64, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (0.0..1.0, 1usize..40).prop_map(|(at, n)| Mutation::Cut(at, n)),
        (0.0..1.0, 0..TOKENS.len()).prop_map(|(at, t)| Mutation::Put(at, t)),
        (0.0..1.0).prop_map(Mutation::Double),
        (0.0..1.0, 0..TOKENS.len()).prop_map(|(at, t)| Mutation::Number(at, t)),
    ]
}

/// The nearest character boundary at or before `at`.
fn boundary(text: &str, at: f64) -> usize {
    let mut i = ((text.len() as f64) * at) as usize;
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn apply(text: &mut String, m: &Mutation) {
    match *m {
        Mutation::Cut(at, n) => {
            let a = boundary(text, at);
            let mut b = (a + n).min(text.len());
            while !text.is_char_boundary(b) {
                b += 1;
            }
            text.replace_range(a..b, "");
        }
        Mutation::Put(at, t) => {
            let a = boundary(text, at);
            text.insert_str(a, TOKENS[t]);
        }
        Mutation::Double(at) => {
            let a = boundary(text, at);
            let start = text[..a].rfind('\n').map_or(0, |i| i + 1);
            let end = text[a..].find('\n').map_or(text.len(), |i| a + i + 1);
            let line = text[start..end].to_string();
            text.insert_str(start, &line);
        }
        Mutation::Number(at, t) => {
            let a = boundary(text, at);
            if let Some(off) = text[a..].find(|c: char| c.is_ascii_digit()) {
                let s = a + off;
                let e = text[s..]
                    .find(|c: char| !(c.is_ascii_digit() || c == '.'))
                    .map_or(text.len(), |i| s + i);
                text.replace_range(s..e, TOKENS[t]);
            }
        }
    }
}

fn workspace() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("hh-fuzz-{}", std::process::id()));
    if !dir.exists() {
        common::copy_tree(&Path::new(ROOT).join("scenarios"), &dir, &["mods"]);
    }
    dir
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(3000),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn a_mutated_scenario_loads_or_gets_located_problems(
        file in 0..FILES.len(),
        mutations in proptest::collection::vec(mutation(), 1..4),
    ) {
        let dir = workspace();
        let path = dir.join(FILES[file]);
        let original = std::fs::read_to_string(Path::new(ROOT).join("scenarios").join(FILES[file])).unwrap();
        let mut text = original.clone();
        for m in &mutations {
            apply(&mut text, m);
        }
        std::fs::write(&path, &text).unwrap();
        let campaign = if file == 1 { FILES[1] } else { FILES[0] };
        let result = Scenario::load(dir.join(campaign));
        std::fs::write(&path, &original).unwrap();
        if let Err(e) = result {
            prop_assert!(!e.problems.is_empty());
            for p in &e.problems {
                prop_assert!(!p.message.is_empty(), "an empty message: {p}");
                prop_assert!(p.line >= 1 && p.col >= 1, "a problem with no place: {p}");
                prop_assert!(!p.message.contains("serde") && !p.message.contains("recursion_limit"), "Rust's words: {p}");
                // Rendering it (the line and the caret) must not fail either.
                prop_assert!(!p.render().is_empty());
            }
        }
    }
}
