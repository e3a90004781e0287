//! The comparison as a text table: medians with their 10–90% ranges, history beside them, and
//! the bands of the record.

use std::fmt::Write as _;

use super::Comparison;

fn cell(median: f64, p10: f64, p90: f64) -> String {
    if median.is_nan() {
        return "—".to_string();
    }
    format!("{median:.0} ({p10:.0}–{p90:.0})")
}

/// The comparison as a text table: medians with their 10–90% ranges, and history beside them.
pub fn render_table(c: &Comparison) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{} runs of each, seeds {}..{}, {} plan; median (10–90%)",
        c.runs,
        c.seed,
        c.seed + c.runs as u64,
        c.plan
    );
    let width = 26;
    let mut header = format!("{:<44}", "");
    for side in &c.sides {
        let _ = write!(header, "{:>width$}", truncate(&side.name, width - 2));
        let _ = write!(header, "{:>10}", "history");
    }
    let _ = writeln!(s, "{header}");
    let mut line = format!("{:<44}", "outcome: victory / retreat / destroyed %");
    for side in &c.sides {
        let _ = write!(
            line,
            "{:>width$}{:>10}",
            format!(
                "{:.0} / {:.0} / {:.0}",
                side.victory_pct, side.retreat_pct, side.destroyed_pct
            ),
            side.history_outcome.as_deref().unwrap_or("")
        );
    }
    let _ = writeln!(s, "{line}");
    let rows = c.sides.first().map_or(0, |side| side.rows.len());
    for i in 0..rows {
        let mut line = format!("{:<44}", c.sides[0].rows[i].figure);
        for side in &c.sides {
            let r = &side.rows[i];
            let _ = write!(
                line,
                "{:>width$}{:>10}",
                cell(r.median, r.p10, r.p90),
                r.history.map_or(String::new(), |h| format!("{h:.0}"))
            );
        }
        let _ = writeln!(s, "{line}");
    }
    for side in &c.sides {
        let _ = writeln!(s, "\n{}: men on first arrival", side.name);
        for p in &side.places {
            let _ = writeln!(
                s,
                "  {:<40} {:>26}  ({} runs)",
                p.figure,
                cell(p.median, p.p10, p.p90),
                p.runs
            );
        }
        if !side.bands.is_empty() {
            let _ = writeln!(s, "{}: the bands of the record", side.name);
            for band in &side.bands {
                let _ = writeln!(s, "  {band}");
            }
        }
        let sources: Vec<String> = side
            .rows
            .iter()
            .filter_map(|r| {
                r.source
                    .as_ref()
                    .map(|src| format!("  {}: {src}", r.figure))
            })
            .collect();
        if !sources.is_empty() {
            let _ = writeln!(s, "{}: the record", side.name);
            for src in sources {
                let _ = writeln!(s, "{src}");
            }
        }
    }
    s
}

fn truncate(text: &str, n: usize) -> String {
    if text.chars().count() <= n {
        text.to_string()
    } else {
        text.chars().take(n - 1).collect::<String>() + "…"
    }
}
