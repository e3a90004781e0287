//! The projection of the scenario's coordinates onto the window's map.

use bevy::prelude::*;

use crate::scenario::types::PlaceDef;

/// The projection of the scenario's coordinates onto the map: longitude shrunk by the cosine of
/// the mean latitude, scaled to fit the window.
#[derive(Resource, Debug, Clone, Copy, Default)]
pub struct MapProjection {
    lat0: f64,
    lon0: f64,
    cos: f64,
    scale: f32,
    /// The epoch of the game it was made for.
    pub(super) epoch: u64,
}

impl MapProjection {
    /// Where a latitude and longitude fall on the map.
    pub fn at(&self, lat: f64, lon: f64) -> Vec2 {
        Vec2::new(
            ((lon - self.lon0) * self.cos) as f32 * self.scale,
            (lat - self.lat0) as f32 * self.scale,
        )
    }

    /// Where a line of (latitude, longitude) points falls on the map.
    pub fn line(&self, points: &[(f64, f64)]) -> Vec<Vec2> {
        points
            .iter()
            .map(|(lat, lon)| self.at(*lat, *lon))
            .collect()
    }

    /// Fitted to the places of a map.
    pub fn fit(places: &[PlaceDef], epoch: u64) -> Self {
        let (mut lat_lo, mut lat_hi, mut lon_lo, mut lon_hi) = (90.0, -90.0, 180.0, -180.0f64);
        for p in places {
            lat_lo = p.lat.min(lat_lo);
            lat_hi = p.lat.max(lat_hi);
            lon_lo = p.lon.min(lon_lo);
            lon_hi = p.lon.max(lon_hi);
        }
        let lat0 = (lat_lo + lat_hi) / 2.0;
        let cos = lat0.to_radians().cos();
        let width = ((lon_hi - lon_lo) * cos).max(0.5) as f32;
        let height = (lat_hi - lat_lo).max(0.5) as f32;
        // The map fills the middle of a 1280×720 window, between the panels.
        let scale = (760.0 / width).min(380.0 / height);
        MapProjection {
            lat0,
            lon0: (lon_lo + lon_hi) / 2.0,
            cos,
            scale,
            epoch,
        }
    }
}
