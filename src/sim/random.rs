//! Seeded randomness and the few transcendental functions the model needs, computed in pure Rust
//! (`libm`) so that a campaign is the same, bit for bit, on every machine.

use bevy::prelude::*;
use rand::rngs::ChaCha8Rng;
use rand::{RngExt, SeedableRng};

use crate::scenario::load::{FNV_OFFSET, fnv1a};

/// The named random streams of one campaign run: adding draws to one stream leaves the others alone.
#[derive(Resource, Debug)]
pub struct SimRng {
    /// The run's seed.
    pub seed: u64,
    /// Answers of states.
    pub diplomacy: ChaCha8Rng,
    /// Losses of men and animals.
    pub attrition: ChaCha8Rng,
    /// Battles and sieges.
    pub combat: ChaCha8Rng,
}

impl SimRng {
    /// The streams for a seed.
    pub fn new(seed: u64) -> Self {
        let stream =
            |name: &str| ChaCha8Rng::seed_from_u64(fnv1a(FNV_OFFSET ^ seed, name.as_bytes()));
        SimRng {
            seed,
            diplomacy: stream("diplomacy"),
            attrition: stream("attrition"),
            combat: stream("combat"),
        }
    }
}

/// Draws the rest of the campaign in `world` from streams of their own, the `run`th of the runs
/// ahead a forecast takes: a forecast must not tell the player the draws the campaign will make.
/// The run's seed (as reports name it) stays the same.
pub fn reseed_for_run_ahead(world: &mut World, run: u64) {
    let mut rng = world.resource_mut::<SimRng>();
    let seed = rng.seed;
    *rng = SimRng::new(fnv1a(FNV_OFFSET ^ seed, &run.to_le_bytes()) ^ 0x00ad_a7a0_5eed);
    rng.seed = seed;
}

/// A uniform draw in [0, 1).
pub fn uniform(rng: &mut ChaCha8Rng) -> f64 {
    rng.random::<f64>()
}

/// True with probability `p`.
pub fn chance(rng: &mut ChaCha8Rng, p: f64) -> bool {
    uniform(rng) < p
}

/// e^x, by the pure-Rust `libm` (no platform math library, no hardware transcendental
/// instructions: the same bits on every machine).
pub fn exp(x: f64) -> f64 {
    libm::exp(x)
}

/// The natural logarithm, by the pure-Rust `libm` (the same bits on every machine).
pub fn ln(x: f64) -> f64 {
    libm::log(x)
}

/// The logistic function 1 / (1 + e^-x).
pub fn logistic(x: f64) -> f64 {
    1.0 / (1.0 + exp(-x))
}

/// A draw of how many of `n` trials succeed with chance `p` each, from at most two uniform
/// draws: exact (by inversion of its distribution, one draw) while the mean is under 30, a
/// normal approximation (Box–Muller, two draws) above. Never more than `n`.
pub fn binomial(rng: &mut ChaCha8Rng, n: u32, p: f64) -> u32 {
    if n == 0 || p <= 0.0 {
        return 0;
    }
    if p >= 1.0 {
        return n;
    }
    let mean = f64::from(n) * p;
    if mean < 30.0 {
        // Walk the distribution from 0 until the draw is used up: P(0) = (1 − p)^n, and
        // P(k + 1) = P(k) · (n − k)/(k + 1) · p/(1 − p).
        let mut left = uniform(rng);
        // P(0) = (1 − p)^n is at least 1 − n·p (Bernoulli's inequality): a draw under that
        // (less a margin far wider than the rounding of P(0) as computed below) is 0, as the
        // walk would find, without the exponential. Most draws of a small mean end here.
        if left < 1.0 - mean - 1e-12 {
            return 0;
        }
        let odds = p / (1.0 - p);
        let mut mass = exp(f64::from(n) * libm::log1p(-p));
        let mut k = 0u32;
        // n − k and k + 1 kept as floats (exact: whole numbers far below 2⁵³).
        let (mut untried, mut next) = (f64::from(n), 1.0);
        while left >= mass && k < n && mass > 0.0 {
            left -= mass;
            mass *= odds * untried / next;
            untried -= 1.0;
            next += 1.0;
            k += 1;
        }
        return k;
    }
    let sd = (mean * (1.0 - p)).sqrt();
    let radius = (-2.0 * ln(1.0 - uniform(rng))).sqrt();
    let normal = radius * libm::cos(std::f64::consts::TAU * uniform(rng));
    (mean + sd * normal).round().clamp(0.0, f64::from(n)) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[allow(clippy::disallowed_methods)] // the platform's own functions, to compare with
    fn exp_and_ln_agree_with_the_standard_library() {
        for &x in &[-30.0, -2.5, -0.3, 0.0, 0.7, 1.0, 3.3, 20.0] {
            let ours = exp(x);
            let std = f64::exp(x);
            assert!(
                ((ours - std) / std).abs() < 1e-13,
                "exp({x}) = {ours}, std {std}"
            );
        }
        for &x in &[1e-9, 0.01, 0.5, 1.0, 2.0, 10.0, 12345.0] {
            let ours = ln(x);
            let std = f64::ln(x);
            assert!((ours - std).abs() < 1e-12, "ln({x}) = {ours}, std {std}");
        }
    }

    #[test]
    fn binomial_draws_stay_in_range_and_centre_on_the_mean() {
        let mut rng = SimRng::new(7).attrition;
        for &(n, p) in &[
            (10u32, 0.5),
            (40, 0.9),
            (1000, 0.01),
            (60_000, 0.0002),
            (60_000, 0.003),
            (60_000, 0.4),
        ] {
            let draws: Vec<u32> = (0..400).map(|_| binomial(&mut rng, n, p)).collect();
            assert!(draws.iter().all(|&d| d <= n));
            let mean = draws.iter().map(|&d| f64::from(d)).sum::<f64>() / 400.0;
            let expected = f64::from(n) * p;
            assert!(
                (mean - expected).abs() < 0.1 * expected + 1.0,
                "n={n} p={p}: {mean} vs {expected}"
            );
            let var = draws
                .iter()
                .map(|&d| (f64::from(d) - mean) * (f64::from(d) - mean))
                .sum::<f64>()
                / 399.0;
            let expected_var = expected * (1.0 - p);
            assert!(
                (var / expected_var - 1.0).abs() < 0.3,
                "n={n} p={p}: variance {var} vs {expected_var}"
            );
        }
    }

    #[test]
    fn a_small_mean_draws_nothing_exactly_when_the_walk_would() {
        // The shortcut under 1 − n·p must not change a draw: 0 exactly when the uniform draw
        // falls under P(0) as the walk computes it.
        // Two copies of one stream in step: a draw by inversion takes one uniform draw.
        let (mut rng, mut same) = (SimRng::new(5).attrition, SimRng::new(5).attrition);
        for &(n, p) in &[(3u32, 0.01), (1000, 0.0004), (60_000, 1e-5), (80, 0.0123)] {
            let nothing = exp(f64::from(n) * libm::log1p(-p));
            for _ in 0..20_000 {
                let u = uniform(&mut same);
                assert_eq!(
                    binomial(&mut rng, n, p) == 0,
                    u < nothing,
                    "n={n} p={p} u={u}"
                );
            }
        }
    }

    #[test]
    fn the_same_seed_gives_the_same_streams() {
        let mut a = SimRng::new(42);
        let mut b = SimRng::new(42);
        let mut c = SimRng::new(43);
        let x: Vec<f64> = (0..5).map(|_| uniform(&mut a.combat)).collect();
        let y: Vec<f64> = (0..5).map(|_| uniform(&mut b.combat)).collect();
        let z: Vec<f64> = (0..5).map(|_| uniform(&mut c.combat)).collect();
        assert_eq!(x, y);
        assert_ne!(x, z);
    }
}
