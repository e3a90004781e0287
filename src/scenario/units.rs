//! Quantities with their units: mass in kilograms and tonnes, water in litres and cubic metres,
//! distance in kilometres, time in days. Each is a plain `f64` underneath and reads and writes in
//! RON as a bare number (`grain_t: 8000.0`), so the format is unchanged; the conversions between
//! tonnes and kilograms, and cubic metres and litres, are written once, here.
//!
//! Arithmetic keeps its units: a quantity plus or minus the same quantity, times or divided by a
//! number; one quantity over another of the same kind is a plain ratio (days of grain are
//! `Kg / Kg`).

use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Div, Mul, Neg, Sub, SubAssign};

use serde::{Deserialize, Serialize};

macro_rules! quantity {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Default, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub f64);

        impl $name {
            /// None at all.
            pub const ZERO: $name = $name(0.0);

            /// The smaller of the two.
            pub fn min(self, other: $name) -> $name {
                $name(self.0.min(other.0))
            }

            /// The larger of the two.
            pub fn max(self, other: $name) -> $name {
                $name(self.0.max(other.0))
            }

            /// Whether it is a finite number.
            pub fn is_finite(self) -> bool {
                self.0.is_finite()
            }
        }

        impl Add for $name {
            type Output = $name;
            fn add(self, other: $name) -> $name {
                $name(self.0 + other.0)
            }
        }

        impl Sub for $name {
            type Output = $name;
            fn sub(self, other: $name) -> $name {
                $name(self.0 - other.0)
            }
        }

        impl AddAssign for $name {
            fn add_assign(&mut self, other: $name) {
                self.0 += other.0;
            }
        }

        impl SubAssign for $name {
            fn sub_assign(&mut self, other: $name) {
                self.0 -= other.0;
            }
        }

        impl Neg for $name {
            type Output = $name;
            fn neg(self) -> $name {
                $name(-self.0)
            }
        }

        impl Mul<f64> for $name {
            type Output = $name;
            fn mul(self, k: f64) -> $name {
                $name(self.0 * k)
            }
        }

        impl Mul<$name> for f64 {
            type Output = $name;
            fn mul(self, q: $name) -> $name {
                $name(self * q.0)
            }
        }

        impl Div<f64> for $name {
            type Output = $name;
            fn div(self, k: f64) -> $name {
                $name(self.0 / k)
            }
        }

        /// A quantity over another of the same kind is a plain number.
        impl Div for $name {
            type Output = f64;
            fn div(self, other: $name) -> f64 {
                self.0 / other.0
            }
        }

        impl Sum for $name {
            fn sum<I: Iterator<Item = $name>>(iter: I) -> $name {
                $name(iter.map(|q| q.0).sum())
            }
        }

        /// The bare number, with the format's precision (`{:.0}`).
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(&self.0, f)
            }
        }
    };
}

quantity!(
    /// A mass in kilograms.
    Kg
);
quantity!(
    /// A mass in tonnes.
    Tonnes
);
quantity!(
    /// A volume of water in litres.
    Litres
);
quantity!(
    /// A volume of water in cubic metres.
    CubicMetres
);
quantity!(
    /// A distance in kilometres.
    Km
);
quantity!(
    /// A span of time in days.
    Days
);

impl From<Tonnes> for Kg {
    fn from(t: Tonnes) -> Kg {
        Kg(t.0 * 1000.0)
    }
}

impl From<Kg> for Tonnes {
    fn from(kg: Kg) -> Tonnes {
        Tonnes(kg.0 / 1000.0)
    }
}

impl From<CubicMetres> for Litres {
    fn from(m3: CubicMetres) -> Litres {
        Litres(m3.0 * 1000.0)
    }
}

impl From<Litres> for CubicMetres {
    fn from(l: Litres) -> CubicMetres {
        CubicMetres(l.0 / 1000.0)
    }
}

impl Kg {
    /// In tonnes.
    pub fn tonnes(self) -> Tonnes {
        self.into()
    }
}

impl Tonnes {
    /// In kilograms.
    pub fn kg(self) -> Kg {
        self.into()
    }
}

impl Litres {
    /// What this much water weighs: a kilogram a litre.
    pub fn weight(self) -> Kg {
        Kg(self.0)
    }

    /// The water that weighs `kg`.
    pub fn of_weight(kg: Kg) -> Litres {
        Litres(kg.0)
    }

    /// In cubic metres.
    pub fn cubic_metres(self) -> CubicMetres {
        self.into()
    }
}

impl CubicMetres {
    /// In litres.
    pub fn litres(self) -> Litres {
        self.into()
    }
}

impl Km {
    /// Days to cover this distance at `pace` a day.
    pub fn days_at(self, pace: Km) -> Days {
        Days(self.0 / pace.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conversions_are_the_same_arithmetic_as_by_hand() {
        let t = Tonnes(8000.0);
        assert_eq!(Kg::from(t).0, 8000.0 * 1000.0);
        assert_eq!(Tonnes::from(Kg(123.4)).0, 123.4 / 1000.0);
        assert_eq!(CubicMetres(2.5).litres(), Litres(2500.0));
        assert_eq!(Kg(10.0) / Kg(4.0), 2.5);
        assert_eq!(format!("{:.0}", Tonnes(12.6)), "13");
    }
}
