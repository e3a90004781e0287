//! The few statistics the reports take of many runs' figures, in one place.

/// The value at quantile `q` (0..1) of sorted values (nearest rank); NaN if there are none.
pub fn quantile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    sorted[((sorted.len() - 1) as f64 * q).round() as usize]
}
