//! Text laid out for a terminal of 80 columns: words wrapped, list items indented, days of
//! stores and nights without water in words. The status view, forecasts and the muster sheet
//! share them.

/// Wraps `text` at spaces to lines of at most `width` columns, continuing lines with `indent`.
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for word in text.split(' ') {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            out.push_str(&line);
            out.push('\n');
            line = indent.to_string();
            line.push_str(word);
        } else {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
    }
    out.push_str(&line);
    out.push('\n');
    out
}

/// Days of stores, for people: "12d", or "-" where none are needed.
pub fn days(d: f64) -> String {
    if d.is_finite() {
        format!("{:.0}d", d.min(999.0))
    } else {
        "-".to_string()
    }
}

/// Nights camped without water, in words.
pub fn dry_nights(n: u32) -> String {
    match n {
        0 => "no night without water".to_string(),
        1 => "1 night without water".to_string(),
        n => format!("{n} nights without water"),
    }
}

/// `text` wrapped to 80 columns, its first line indented by two spaces and the rest by six.
pub fn item(text: &str) -> String {
    format!("  {}", wrap(text, 78, "      "))
}
