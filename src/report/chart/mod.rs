//! Charts for `compare --chart FILE.svg|FILE.png`: one page that shows two (or more) campaigns at a
//! glance, drawn with plotters (SVG, or PNG with the DejaVu Sans font shipped in `assets/fonts`).
//!
//! 0. Minard's map of each army's march: the line's width is the men alive (out in the army's
//!    colour, home in black), stained by the main cause of loss on days of heavy loss.
//! 1. The strength of each army along its march over time: a band whose width is the men
//!    alive, day by day (a representative run: the one whose men home is the median), stained by
//!    the main cause of loss on days of heavy loss.
//! 2. The grain, water and fodder each army carries, day by day.
//! 3. Men lost, by cause (medians over the runs).
//! 4. The distribution of men home over the runs.

use std::path::Path;

use plotters::coord::Shift;
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use plotters::style::{FontStyle, register_font};

mod minard;

use minard::draw_maps;

use super::compare::{CAUSES, RunFigures};
use crate::sim::DailyRecord;

/// One campaign's data for the chart.
pub struct Series<'a> {
    /// Its name.
    pub name: &'a str,
    /// The daily record of its representative run.
    pub record: &'a DailyRecord,
    /// The figures of all its runs.
    pub runs: &'a [RunFigures],
    /// The map's places: name, latitude, longitude.
    pub places: &'a [(String, f64, f64)],
}

const COLOURS: [RGBColor; 4] = [
    RGBColor(178, 34, 34),
    RGBColor(30, 90, 160),
    RGBColor(60, 140, 60),
    RGBColor(150, 100, 30),
];

/// One day of a campaign, summed over its forces.
#[derive(Debug, Clone, Copy, Default)]
struct Day {
    day: f64,
    men: f64,
    grain_t: f64,
    fodder_t: f64,
    water_m3: f64,
    /// Men lost so far, by cause (in the order of [`CAUSES`]).
    lost: [f64; 7],
}

/// The campaign day by day, summed over the forces.
fn by_day(record: &DailyRecord) -> Vec<Day> {
    let mut out: Vec<Day> = Vec::new();
    for row in &record.0 {
        let day = f64::from(row.day);
        if out.last().is_none_or(|d| d.day != day) {
            out.push(Day {
                day,
                ..Day::default()
            });
        }
        let d = out.last_mut().expect("just pushed");
        d.men += f64::from(row.men);
        d.grain_t += row.grain_t;
        d.fodder_t += row.fodder_t;
        d.water_m3 += row.water_m3;
        for (i, n) in row.men_lost.by_cause().into_iter().enumerate() {
            d.lost[i] += f64::from(n);
        }
    }
    out
}

/// The colour of each cause of loss on the bands.
const CAUSE_COLOURS: [RGBColor; 7] = [
    RGBColor(214, 120, 20),  // hunger
    RGBColor(40, 170, 200),  // thirst
    RGBColor(60, 80, 200),   // exposure
    RGBColor(60, 150, 60),   // disease
    RGBColor(120, 120, 120), // desertion
    RGBColor(20, 20, 20),    // combat
    RGBColor(170, 40, 120),  // captured
];

/// The key to a panel's series, in its upper right corner.
fn legend<'a, DB: DrawingBackend + 'a>(
    chart: &mut ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperRight)
        .background_style(WHITE.mix(0.8))
        .border_style(BLACK)
        .draw()
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    super::stats::quantile(&xs, 0.5)
}

/// The font the charts are drawn with, shipped with the game.
const FONT: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans.ttf");

/// Draws the page into `path`: PNG if its name ends in `.png`, SVG otherwise.
pub fn draw(path: &Path, series: &[Series]) -> Result<(), String> {
    let format = format_of(path)?;
    // Registering twice is harmless; a bad font would only be a bug of the build.
    let _ = register_font("sans-serif", FontStyle::Normal, FONT);
    let bytes = match format {
        Format::Png => png_bytes(&page_rgb(series, PAGE)?, PAGE)?,
        Format::Svg => {
            let mut text = String::new();
            paint(
                SVGBackend::with_string(&mut text, PAGE).into_drawing_area(),
                &path.display().to_string(),
                series,
            )?;
            text.into_bytes()
        }
    };
    crate::atomic::write(path, &bytes)
        .map_err(|e| format!("could not write {}: {e}", path.display()))
}

/// A chart file's format, by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// An SVG drawing.
    Svg,
    /// A PNG picture.
    Png,
}

/// The format of a chart file called `path`: `.svg` or `.png`, or what is wrong with the name.
pub fn format_of(path: &Path) -> Result<Format, String> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    match ext.as_deref() {
        Some("svg") => Ok(Format::Svg),
        Some("png") => Ok(Format::Png),
        _ => Err(format!(
            "{}: a chart is drawn as .svg or .png; give a file name ending in one of them",
            path.display()
        )),
    }
}

/// An RGB buffer of `size` encoded as a PNG.
fn png_bytes(rgb: &[u8], size: (u32, u32)) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, size.0, size.1);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder
        .write_header()
        .and_then(|mut w| w.write_image_data(rgb))
        .map_err(|e| format!("could not encode the PNG: {e}"))?;
    Ok(out)
}

/// The size of the page, in pixels.
pub const PAGE: (u32, u32) = (1400, 1450);

/// The page drawn into an RGB buffer of `size` (the window's compare screen shows it).
pub fn page_rgb(series: &[Series], size: (u32, u32)) -> Result<Vec<u8>, String> {
    let _ = register_font("sans-serif", FontStyle::Normal, FONT);
    let mut buffer = vec![0u8; (size.0 * size.1 * 3) as usize];
    paint(
        BitMapBackend::with_buffer(&mut buffer, size).into_drawing_area(),
        "the chart",
        series,
    )?;
    Ok(buffer)
}

/// One campaign's march on Minard's map (the strength along its route) drawn into an RGB buffer
/// of `size` (the window's end screen shows it).
pub fn march_rgb(series: &Series, size: (u32, u32)) -> Result<Vec<u8>, String> {
    let _ = register_font("sans-serif", FontStyle::Normal, FONT);
    let mut buffer = vec![0u8; (size.0 * size.1 * 3) as usize];
    {
        let root = BitMapBackend::with_buffer(&mut buffer, size).into_drawing_area();
        let err = |e: &dyn std::fmt::Display| format!("could not draw the march: {e}");
        root.fill(&WHITE).map_err(|e| err(&e))?;
        draw_maps(std::slice::from_ref(&root), std::slice::from_ref(series))
            .map_err(|e| err(&e))?;
        root.present().map_err(|e| err(&e))?;
    }
    Ok(buffer)
}

fn paint<DB: DrawingBackend>(
    root: DrawingArea<DB, Shift>,
    what: &str,
    series: &[Series],
) -> Result<(), String> {
    let err = |e: &dyn std::fmt::Display| format!("could not draw {what}: {e}");
    root.fill(&WHITE).map_err(|e| err(&e))?;
    let root = root
        .titled(
            "Heavenly Horses: the expeditions compared",
            ("sans-serif", 28),
        )
        .map_err(|e| err(&e))?;
    let (maps, rest) = root.split_vertically(480);
    let panels = rest.split_evenly((2, 2));
    let map_panels = maps.split_evenly((1, series.len().max(1)));
    draw_maps(&map_panels, series).map_err(|e| err(&e))?;
    let days: Vec<Vec<Day>> = series.iter().map(|s| by_day(s.record)).collect();
    let max_day = days
        .iter()
        .flat_map(|d| d.last().map(|x| x.day))
        .fold(1.0, f64::max);
    let max_men = days
        .iter()
        .flat_map(|d| d.iter().map(|x| x.men))
        .fold(1.0, f64::max);

    // 1. The bands: each army on its own lane, the band's width the men alive.
    {
        let lanes = series.len().max(1) as f64;
        let mut chart = ChartBuilder::on(&panels[0])
            .caption(
                "Strength along the march (band width: men alive; representative run)",
                ("sans-serif", 18),
            )
            .margin(12)
            .x_label_area_size(35)
            .y_label_area_size(20)
            .build_cartesian_2d(0.0..max_day, 0.0..lanes * 1.25 * max_men)
            .map_err(|e| err(&e))?;
        chart
            .configure_mesh()
            .disable_mesh()
            .disable_y_axis()
            .x_desc("day of the campaign")
            .x_label_formatter(&|x| format!("{x:.0}"))
            .draw()
            .map_err(|e| err(&e))?;
        for (i, (s, d)) in series.iter().zip(&days).enumerate() {
            // Each lane: the band, and its labels above it.
            let centre = (lanes - i as f64 - 0.6) * 1.25 * max_men;
            // The band, a segment a day, stained by the day's main cause of loss where the
            // losses that day were heavy (more than one man in a thousand).
            let colour = COLOURS[i % COLOURS.len()];
            let segments = d.windows(2).map(|w| {
                let (a, b) = (&w[0], &w[1]);
                let lost: Vec<f64> = (0..6).map(|c| b.lost[c] - a.lost[c]).collect();
                let total: f64 = lost.iter().sum();
                let main = (0..6)
                    .max_by(|x, y| lost[*x].total_cmp(&lost[*y]))
                    .unwrap_or(0);
                let fill = if total > 0.001 * a.men.max(1.0) {
                    CAUSE_COLOURS[main].mix(0.85)
                } else {
                    colour.mix(0.45)
                };
                Polygon::new(
                    vec![
                        (a.day, centre + a.men / 2.0),
                        (b.day, centre + b.men / 2.0),
                        (b.day, centre - b.men / 2.0),
                        (a.day, centre - a.men / 2.0),
                    ],
                    fill.filled(),
                )
            });
            chart.draw_series(segments).map_err(|e| err(&e))?;
            let start = d.first().map_or(0.0, |x| x.men);
            let end = d.last().map_or(0.0, |x| x.men);
            let last_day = d.last().map_or(0.0, |x| x.day);
            chart
                .draw_series([
                    Text::new(
                        s.name.to_string(),
                        (max_day * 0.02, centre + max_men * 0.68),
                        ("sans-serif", 16).into_font().color(&colour),
                    ),
                    Text::new(
                        format!(
                            "{} men set out; {} at the end, day {last_day:.0}",
                            start as u32, end as u32
                        ),
                        (max_day * 0.02, centre + max_men * 0.58),
                        ("sans-serif", 14).into_font(),
                    ),
                ])
                .map_err(|e| err(&e))?;
        }
        // The key to the stains.
        for (c, cause) in CAUSES.iter().enumerate() {
            let x = max_day * (0.38 + 0.103 * c as f64);
            let y = lanes * 1.25 * max_men * 0.985;
            chart
                .draw_series([EmptyElement::at((x, y))
                    + Rectangle::new([(0, 0), (12, 10)], CAUSE_COLOURS[c].filled())
                    + Text::new(cause.to_string(), (15, 0), ("sans-serif", 12))])
                .map_err(|e| err(&e))?;
        }
    }

    // 2. Stores carried: grain (thick), water (thin), fodder (dotted).
    {
        let max_store = days
            .iter()
            .flat_map(|d| d.iter().map(|x| x.grain_t.max(x.water_m3).max(x.fodder_t)))
            .fold(1.0, f64::max);
        let mut chart = ChartBuilder::on(&panels[1])
            .caption(
                "Stores carried: grain (thick), water m³ (thin), fodder (dots), t",
                ("sans-serif", 18),
            )
            .margin(12)
            .x_label_area_size(35)
            .y_label_area_size(60)
            .build_cartesian_2d(0.0..max_day, 0.0..max_store * 1.05)
            .map_err(|e| err(&e))?;
        chart
            .configure_mesh()
            .x_desc("day of the campaign")
            .x_label_formatter(&|x| format!("{x:.0}"))
            .y_label_formatter(&|y| format!("{y:.0}"))
            .draw()
            .map_err(|e| err(&e))?;
        for (i, (s, d)) in series.iter().zip(&days).enumerate() {
            let colour = COLOURS[i % COLOURS.len()];
            chart
                .draw_series(LineSeries::new(
                    d.iter().map(|x| (x.day, x.grain_t)),
                    colour.stroke_width(3),
                ))
                .map_err(|e| err(&e))?
                .label(s.name)
                .legend(move |(x, y)| {
                    PathElement::new([(x, y), (x + 15, y)], colour.stroke_width(3))
                });
            chart
                .draw_series(LineSeries::new(
                    d.iter().map(|x| (x.day, x.water_m3)),
                    colour.stroke_width(1),
                ))
                .map_err(|e| err(&e))?;
            chart
                .draw_series(
                    d.iter()
                        .step_by(4)
                        .map(|x| Circle::new((x.day, x.fodder_t), 2, colour.filled())),
                )
                .map_err(|e| err(&e))?;
        }
        legend(&mut chart).map_err(|e| err(&e))?;
    }

    // 3. Losses by cause, medians.
    {
        let medians: Vec<Vec<f64>> = series
            .iter()
            .map(|s| {
                (0..CAUSES.len())
                    .map(|c| median(s.runs.iter().map(|r| f64::from(r.losses[c])).collect()))
                    .collect()
            })
            .collect();
        let max_loss = medians.iter().flatten().copied().fold(1.0, f64::max);
        let groups = CAUSES.len() as f64;
        let mut chart = ChartBuilder::on(&panels[2])
            .caption(
                "Men lost, by cause (median of the runs)",
                ("sans-serif", 18),
            )
            .margin(12)
            .x_label_area_size(35)
            .y_label_area_size(60)
            .build_cartesian_2d(0.0..groups, 0.0..max_loss * 1.1)
            .map_err(|e| err(&e))?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .x_labels(CAUSES.len() * 2 + 1)
            .x_label_formatter(&|x| {
                let i = x.floor() as usize;
                if (x - x.floor() - 0.5).abs() < 0.01 && i < CAUSES.len() {
                    CAUSES[i].to_string()
                } else {
                    String::new()
                }
            })
            .y_label_formatter(&|y| format!("{y:.0}"))
            .draw()
            .map_err(|e| err(&e))?;
        let width = 0.8 / series.len().max(1) as f64;
        for (i, (s, m)) in series.iter().zip(&medians).enumerate() {
            let colour = COLOURS[i % COLOURS.len()];
            chart
                .draw_series(m.iter().enumerate().map(|(c, v)| {
                    let x0 = c as f64 + 0.1 + i as f64 * width;
                    Rectangle::new([(x0, 0.0), (x0 + width, *v)], colour.filled())
                }))
                .map_err(|e| err(&e))?
                .label(s.name)
                .legend(move |(x, y)| {
                    Rectangle::new([(x, y - 5), (x + 15, y + 5)], colour.filled())
                });
        }
        legend(&mut chart).map_err(|e| err(&e))?;
    }

    // 4. Men home, the distribution.
    {
        let all: Vec<f64> = series
            .iter()
            .flat_map(|s| s.runs.iter().map(|r| f64::from(r.men_home)))
            .collect();
        let top = all.iter().copied().fold(1.0, f64::max) * 1.05;
        let bins = 30usize;
        let bin = top / bins as f64;
        let counts: Vec<Vec<f64>> = series
            .iter()
            .map(|s| {
                let mut c = vec![0.0; bins];
                for r in s.runs {
                    let i = ((f64::from(r.men_home) / bin) as usize).min(bins - 1);
                    c[i] += 1.0;
                }
                c
            })
            .collect();
        let max_count = counts.iter().flatten().copied().fold(1.0, f64::max);
        let mut chart = ChartBuilder::on(&panels[3])
            .caption("Men home: how the runs fell out", ("sans-serif", 18))
            .margin(12)
            .x_label_area_size(35)
            .y_label_area_size(60)
            .build_cartesian_2d(0.0..top, 0.0..max_count * 1.1)
            .map_err(|e| err(&e))?;
        chart
            .configure_mesh()
            .x_desc("men home")
            .y_desc("runs")
            .x_label_formatter(&|x| format!("{x:.0}"))
            .y_label_formatter(&|y| format!("{y:.0}"))
            .draw()
            .map_err(|e| err(&e))?;
        for (i, (s, c)) in series.iter().zip(&counts).enumerate() {
            let colour = COLOURS[i % COLOURS.len()];
            chart
                .draw_series(
                    c.iter()
                        .enumerate()
                        .filter(|(_, n)| **n > 0.0)
                        .map(|(b, n)| {
                            let x0 = b as f64 * bin;
                            Rectangle::new([(x0, 0.0), (x0 + bin, *n)], colour.mix(0.6).filled())
                        }),
                )
                .map_err(|e| err(&e))?
                .label(s.name)
                .legend(move |(x, y)| {
                    Rectangle::new([(x, y - 5), (x + 15, y + 5)], colour.filled())
                });
        }
        legend(&mut chart).map_err(|e| err(&e))?;
    }
    root.present().map_err(|e| err(&e))?;
    Ok(())
}

/// Writes an RGB buffer of `size` (a page drawn by [`page_rgb`]) as a PNG.
pub fn save_rgb(path: &Path, rgb: &[u8], size: (u32, u32)) -> Result<(), String> {
    crate::atomic::write(path, &png_bytes(rgb, size)?)
        .map_err(|e| format!("could not write {}: {e}", path.display()))
}
