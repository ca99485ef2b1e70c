//! Exact numbers for the verdict: theme scores, the weighted total and the
//! thresholds they are compared with.
//!
//! Scores are small integers and weights and thresholds are decimals written
//! in a framework file, so every number the rule produces is a fraction.
//! [`Exact`] holds it as a rational over big integers (`num-rational`): no
//! rounding, no tolerance and no overflow, whatever a framework writes. The
//! decimal a person wrote is recovered from the parsed `f64` through its
//! shortest round-trip form, so `3.000000001` is exactly 3000000001/10⁹.
//!
//! For people, [`shown_against`] prints a value next to a threshold with as
//! many decimals as it takes to make "2.99 is lower than 3.00" true.

use std::fmt;

use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{One, Signed, ToPrimitive, Zero};

/// How many decimals a value may get at most when set against a threshold;
/// two different fractions of any framework differ long before this.
const MOST_PLACES: u32 = 40;

/// An exact rational number.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Exact(BigRational);

impl Exact {
    pub fn zero() -> Self {
        Self(BigRational::zero())
    }

    pub fn integer(value: i64) -> Self {
        Self(BigRational::from_integer(BigInt::from(value)))
    }

    /// `numerator / denominator`; zero for a zero denominator.
    pub fn ratio(numerator: i64, denominator: i64) -> Self {
        if denominator == 0 {
            return Self::zero();
        }
        Self(BigRational::new(
            BigInt::from(numerator),
            BigInt::from(denominator),
        ))
    }

    /// The decimal a framework file wrote, from its parsed `f64`: Rust prints
    /// an `f64` as the shortest decimal that parses back to it, which is what
    /// was written whenever that had at most 15 significant digits. Not a
    /// finite number gives zero (the decoder refuses those).
    pub fn from_decimal_f64(value: f64) -> Self {
        if !value.is_finite() {
            return Self::zero();
        }
        Self::parse_decimal(&format!("{value}")).unwrap_or_else(Self::zero)
    }

    /// Parses `-12.345` (no exponent).
    fn parse_decimal(text: &str) -> Option<Self> {
        let (negative, digits) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
        let numerator: BigInt = format!("{whole}{fraction}").parse().ok()?;
        let places = u32::try_from(fraction.len()).ok()?;
        let value = BigRational::new(numerator, BigInt::from(10u8).pow(places));
        Some(Self(if negative { -value } else { value }))
    }

    pub fn is_positive(&self) -> bool {
        self.0.is_positive()
    }

    /// The nearest `f64`, for drawing charts; never for deciding.
    pub fn to_f64(&self) -> f64 {
        self.0.to_f64().unwrap_or(f64::NAN)
    }

    /// How many decimals write this number exactly, or `None` when no finite
    /// decimal does (a third).
    pub fn decimal_places(&self) -> Option<u32> {
        let mut denominator = self.0.denom().clone();
        let mut places = [0u32; 2];
        for (slot, factor) in places.iter_mut().zip([2u8, 5u8]) {
            let factor = BigInt::from(factor);
            while (&denominator % &factor).is_zero() {
                denominator /= &factor;
                *slot += 1;
            }
        }
        denominator.is_one().then(|| places[0].max(places[1]))
    }

    /// Rounded to `places` decimals, with a decimal point. A tie goes to the
    /// even digit, as Rust's own `{:.2}` does for the screens, so a report and
    /// the outcome screen never differ in the last digit.
    pub fn rounded(&self, places: u32) -> String {
        let scale = BigInt::from(10u8).pow(places);
        let scaled = self.0.abs() * BigRational::from_integer(scale.clone());
        let floor = scaled.floor();
        let rest = &scaled - &floor;
        let half = BigRational::new(BigInt::one(), BigInt::from(2u8));
        let mut units = floor.to_integer();
        if rest > half || (rest == half && units.is_odd()) {
            units += 1;
        }
        let (whole, fraction) = units.div_rem(&scale);
        let sign = if self.0.is_negative() && !units.is_zero() {
            "-"
        } else {
            ""
        };
        if places == 0 {
            return format!("{sign}{whole}");
        }
        format!("{sign}{whole}.{fraction:0>width$}", width = places as usize)
    }

    /// The exact decimal, when there is one (`2.75`, not `11/4`).
    pub fn exact_decimal(&self) -> Option<String> {
        self.decimal_places().map(|places| self.rounded(places))
    }

    /// The exact fraction in lowest terms: `42/11`, or `3` for a whole number.
    pub fn fraction(&self) -> String {
        if self.0.is_integer() {
            self.0.numer().to_string()
        } else {
            format!("{}/{}", self.0.numer(), self.0.denom())
        }
    }
}

impl fmt::Debug for Exact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.fraction())
    }
}

impl std::ops::Add for &Exact {
    type Output = Exact;
    fn add(self, other: &Exact) -> Exact {
        Exact(&self.0 + &other.0)
    }
}

impl std::ops::Mul for &Exact {
    type Output = Exact;
    fn mul(self, other: &Exact) -> Exact {
        Exact(&self.0 * &other.0)
    }
}

impl std::ops::Div for &Exact {
    type Output = Exact;
    /// Zero when dividing by zero; callers divide by positive weight sums.
    fn div(self, other: &Exact) -> Exact {
        if other.0.is_zero() {
            return Exact::zero();
        }
        Exact(&self.0 / &other.0)
    }
}

/// A value and a threshold as decimal text (with a decimal point) that never
/// contradict the exact comparison: the threshold with all its decimals (at
/// least `at_least_places`), the value with at least as many and more where
/// fewer would print it equal to a threshold it is not equal to.
pub fn shown_against(value: &Exact, threshold: &Exact, at_least_places: u32) -> (String, String) {
    let places = threshold
        .decimal_places()
        .map_or(at_least_places, |places| places.max(at_least_places))
        .min(MOST_PLACES);
    let mut value_places = places;
    while value != threshold
        && value_places < MOST_PLACES
        && value.rounded(value_places) == threshold.rounded(value_places)
    {
        value_places += 1;
    }
    (value.rounded(value_places), threshold.rounded(places))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(value: f64) -> Exact {
        Exact::from_decimal_f64(value)
    }

    #[test]
    fn a_written_decimal_is_read_exactly() {
        assert_eq!(d(3.000000001).fraction(), "3000000001/1000000000");
        assert!(d(3.000000001) > Exact::integer(3));
        assert_eq!(d(0.1).fraction(), "1/10");
        assert_eq!(d(-2.5).fraction(), "-5/2");
        assert_eq!(d(2.0), Exact::integer(2));
    }

    #[test]
    fn means_are_exact_where_floating_point_is_not() {
        // 0.1 + 0.2 is 0.30000000000000004 in f64.
        assert_eq!(&d(0.1) + &d(0.2), d(0.3));
        let third = Exact::ratio(1, 3);
        assert_eq!(&(&third + &third) + &third, Exact::integer(1));
    }

    #[test]
    fn decimals_and_fractions() {
        assert_eq!(Exact::ratio(11, 4).exact_decimal().as_deref(), Some("2.75"));
        assert_eq!(Exact::ratio(42, 11).exact_decimal(), None);
        assert_eq!(Exact::ratio(42, 11).fraction(), "42/11");
        assert_eq!(Exact::ratio(42, 11).rounded(6), "3.818182");
        assert_eq!(Exact::ratio(-3, 200).rounded(2), "-0.02");
        // Ties to even, as `format!("{:.2}", 2.125)` gives "2.12".
        assert_eq!(Exact::ratio(17, 8).rounded(2), "2.12");
        assert_eq!(Exact::ratio(19, 8).rounded(2), "2.38");
        assert_eq!(Exact::ratio(-1, 1000).rounded(2), "0.00");
        assert_eq!(Exact::integer(3).rounded(0), "3");
        assert_eq!(Exact::ratio(5, 2).rounded(0), "2");
        assert_eq!(Exact::ratio(7, 2).rounded(0), "4");
    }

    #[test]
    fn a_value_never_prints_equal_to_a_threshold_it_misses() {
        // The two-decimal form of both would be "2.00".
        let (value, threshold) = shown_against(&Exact::integer(2), &d(2.005), 2);
        assert_eq!((value.as_str(), threshold.as_str()), ("2.000", "2.005"));
        let (value, threshold) = shown_against(&Exact::ratio(2999, 1000), &Exact::integer(3), 2);
        assert_eq!((value.as_str(), threshold.as_str()), ("2.999", "3.00"));
        let (value, threshold) = shown_against(&Exact::integer(3), &d(3.000000001), 2);
        assert_eq!(
            (value.as_str(), threshold.as_str()),
            ("3.000000000", "3.000000001")
        );
        let (value, threshold) = shown_against(&Exact::integer(3), &Exact::integer(3), 2);
        assert_eq!((value.as_str(), threshold.as_str()), ("3.00", "3.00"));
        let (value, _) = shown_against(&Exact::ratio(42, 11), &Exact::integer(3), 2);
        assert_eq!(value, "3.82");
    }
}
