//! The projection of the scenario's coordinates onto the window's map.

use bevy::prelude::*;

use crate::scenario::types::PlaceDef;

/// What the panels take of the window, in pixels: the force panel on the left, the top bar,
/// and the chronicle and command line along the bottom.
const LEFT_PANEL: f32 = 346.0;
const TOP_BAR: f32 = 36.0;
const BOTTOM_LOG: f32 = 150.0;

/// The camera that shows the whole map (the [`MapProjection::fit`] area) as large as it fits
/// between the panels of a window of `window` pixels: its translation and orthographic scale.
pub fn camera_fit(window: Vec2) -> (Vec3, f32) {
    // The room between the panels, less a margin for the names and the ground beyond the
    // outermost places (wider on the left, where the names stand left of their places).
    let (left, right, y) = (110.0, 80.0, 30.0);
    let free = Vec2::new(
        (window.x - LEFT_PANEL - left - right).max(200.0),
        (window.y - TOP_BAR - BOTTOM_LOG - 2.0 * y).max(150.0),
    );
    let scale = (FIT.x / free.x).max(FIT.y / free.y);
    // The map's centre goes to the centre of that room (screen pixels, up positive).
    let centre = Vec2::new(
        LEFT_PANEL + left + free.x / 2.0 - window.x / 2.0,
        window.y / 2.0 - TOP_BAR - y - free.y / 2.0,
    );
    ((-centre * scale).extend(0.0), scale)
}

/// The area the map is fitted to, in map units (pixels at zoom 1).
const FIT: Vec2 = Vec2::new(760.0, 380.0);

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
        // The map is drawn FIT large; the camera ([`camera_fit`]) makes it fill the window.
        let scale = (FIT.x / width).min(FIT.y / height);
        MapProjection {
            lat0,
            lon0: (lon_lo + lon_hi) / 2.0,
            cos,
            scale,
            epoch,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_map_fills_the_room_between_the_panels() {
        // At 1280×720 the map is shown as drawn, clear of the force panel (its centre right of
        // the window's); in a window of 1920×1080 logical pixels, over half as large again.
        let (at, scale) = camera_fit(Vec2::new(1280.0, 720.0));
        assert!((0.95..1.05).contains(&(1.0 / scale)), "{}", 1.0 / scale);
        assert!(at.x < 0.0 && at.y < 0.0, "{at}");
        let (_, big) = camera_fit(Vec2::new(1920.0, 1080.0));
        assert!(1.0 / big > 1.6, "{}", 1.0 / big);
    }
}
