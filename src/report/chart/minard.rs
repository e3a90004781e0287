//! Minard's map of each army's march, for the chart page and the window's end screen: the
//! line's width is the men alive, in the army's colour going out and dark coming home, stained by
//! the day's main cause of loss on days of heavy loss.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{CAUSE_COLOURS, COLOURS, Series};

/// Minard's map: each army's march across the map, the line's width the men alive, in the
/// army's colour going out and dark coming home, stained by the day's main cause of loss on days
/// when more than one man in a hundred was lost.
pub(super) fn draw_maps<DB: DrawingBackend>(
    panels: &[DrawingArea<DB, Shift>],
    series: &[Series],
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    // The same extent for every map, so that they compare.
    let points: Vec<(f64, f64)> = series
        .iter()
        .flat_map(|s| s.record.0.iter().map(|r| r.lat_lon))
        .filter(|p| *p != (0.0, 0.0))
        .collect();
    let (mut lat0, mut lat1, mut lon0, mut lon1) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for (lat, lon) in &points {
        lat0 = lat0.min(*lat);
        lat1 = lat1.max(*lat);
        lon0 = lon0.min(*lon);
        lon1 = lon1.max(*lon);
    }
    if points.is_empty() {
        return Ok(());
    }
    let max_men = series
        .iter()
        .flat_map(|s| s.record.0.iter().map(|r| f64::from(r.men)))
        .fold(1.0, f64::max);
    for (i, (panel, s)) in panels.iter().zip(series).enumerate() {
        let colour = COLOURS[i % COLOURS.len()];
        let mut chart = ChartBuilder::on(panel)
            .caption(
                format!("{}: the march, Minard's way (width: men alive)", s.name),
                ("sans-serif", 18),
            )
            .margin(15)
            .x_label_area_size(30)
            .y_label_area_size(40)
            .build_cartesian_2d((lon0 - 1.0)..(lon1 + 1.0), (lat0 - 1.0)..(lat1 + 1.0))?;
        chart
            .configure_mesh()
            .disable_mesh()
            .x_desc("longitude °E")
            .x_label_formatter(&|x| format!("{x:.0}"))
            .y_label_formatter(&|y| format!("{y:.0}"))
            .draw()?;
        // Each force's track, a segment a day.
        let mut names: Vec<&str> = Vec::new();
        for r in &s.record.0 {
            if !names.contains(&&*r.force) {
                names.push(&r.force);
            }
        }
        for name in names {
            let rows: Vec<_> = s.record.0.iter().filter(|r| &*r.force == name).collect();
            let segments = rows.windows(2).filter(|w| w[0].men > 0).map(|w| {
                let (a, b) = (w[0], w[1]);
                let lost: Vec<f64> = a
                    .men_lost
                    .by_cause()
                    .iter()
                    .zip(b.men_lost.by_cause())
                    .map(|(x, y)| f64::from(y.saturating_sub(*x)))
                    .collect();
                let total: f64 = lost.iter().sum();
                let main = (0..6)
                    .max_by(|x, y| lost[*x].total_cmp(&lost[*y]))
                    .unwrap_or(0);
                let base = if a.homeward {
                    RGBColor(40, 40, 40)
                } else {
                    colour
                };
                let stroke = if total > 0.01 * f64::from(a.men.max(1)) {
                    CAUSE_COLOURS[main]
                } else {
                    base
                };
                let width = (36.0 * f64::from(a.men) / max_men).max(1.0) as u32;
                PathElement::new(
                    vec![(a.lat_lon.1, a.lat_lon.0), (b.lat_lon.1, b.lat_lon.0)],
                    stroke.stroke_width(width),
                )
            });
            chart.draw_series(segments)?;
        }
        // The places the armies passed.
        let visited: Vec<&(String, f64, f64)> = s
            .places
            .iter()
            .filter(|(name, _, _)| {
                s.record
                    .0
                    .iter()
                    .any(|r| r.location.place() == Some(name.as_str()))
            })
            .collect();
        chart.draw_series(visited.iter().map(|(name, lat, lon)| {
            EmptyElement::at((*lon, *lat))
                + Circle::new((0, 0), 3, BLACK.filled())
                + Text::new(name.clone(), (5, -14), ("sans-serif", 12))
        }))?;
    }
    Ok(())
}
