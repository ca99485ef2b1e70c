//! Exact numbers for the verdict: theme scores, the weighted total and the
//! thresholds they are compared with.
//!
//! Scores are small integers and weights and thresholds are decimals written
//! in a framework file, so every number the rule produces is a fraction.
//! [`Exact`] holds it as a rational: on machine integers while numerator and
//! denominator fit in an `i64` (every framework seen), over big integers
//! (`num-rational`) once they do not: no rounding, no tolerance and no
//! overflow, whatever a framework writes. Big integers for every sum made
//! evaluating a scan a third of opening the outcome screen after an edit. The
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
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Exact(Repr);

/// Equal values are equal representations (so `Eq` and `Hash` can be
/// derived): a value that fits in `Small` is always there.
#[derive(Clone, PartialEq, Eq, Hash)]
enum Repr {
    /// In lowest terms, the denominator positive.
    Small {
        numer: i64,
        denom: i64,
    },
    Big(BigRational),
}

impl Exact {
    pub fn zero() -> Self {
        Self::integer(0)
    }

    pub fn integer(value: i64) -> Self {
        Self(Repr::Small {
            numer: value,
            denom: 1,
        })
    }

    /// `numerator / denominator`; zero for a zero denominator.
    pub fn ratio(numerator: i64, denominator: i64) -> Self {
        Self::from_parts(i128::from(numerator), i128::from(denominator))
    }

    /// `numer / denom` (`denom` not zero) in lowest terms, on machine
    /// integers where it fits.
    fn from_parts(numer: i128, denom: i128) -> Self {
        if denom == 0 {
            return Self::zero();
        }
        let divisor = numer.unsigned_abs().gcd(&denom.unsigned_abs());
        let reduced = i128::try_from(divisor).ok().and_then(|divisor| {
            let (numer, denom) = (numer / divisor, denom / divisor);
            if denom < 0 {
                Some((numer.checked_neg()?, denom.checked_neg()?))
            } else {
                Some((numer, denom))
            }
        });
        if let Some((numer, denom)) = reduced
            && let (Ok(numer), Ok(denom)) = (i64::try_from(numer), i64::try_from(denom))
        {
            return Self(Repr::Small { numer, denom });
        }
        Self::from_big(BigRational::new(BigInt::from(numer), BigInt::from(denom)))
    }

    /// A big rational, on machine integers where it fits.
    fn from_big(value: BigRational) -> Self {
        match (value.numer().to_i64(), value.denom().to_i64()) {
            (Some(numer), Some(denom)) => Self(Repr::Small { numer, denom }),
            _ => Self(Repr::Big(value)),
        }
    }

    fn to_big(&self) -> BigRational {
        match &self.0 {
            Repr::Small { numer, denom } => {
                BigRational::new_raw(BigInt::from(*numer), BigInt::from(*denom))
            }
            Repr::Big(value) => value.clone(),
        }
    }

    /// The decimal a framework file wrote, from its parsed `f64`: Rust prints
    /// an `f64` as the shortest decimal that parses back to it, which is what
    /// was written whenever that had at most 15 significant digits. Not a
    /// finite number gives zero (the decoder refuses those).
    pub fn from_decimal_f64(value: f64) -> Self {
        if !value.is_finite() {
            return Self::zero();
        }
        Self::short_decimal(value)
            .unwrap_or_else(|| Self::parse_decimal(&format!("{value}")).unwrap_or_else(Self::zero))
    }

    /// [`Self::from_decimal_f64`] without printing: the decimal with the
    /// fewest places (at most six) that reads back as `value`, below a
    /// billion. There two such decimals are at least 1e-6 apart and two
    /// `f64`s at most 2^-23, so at most one reads back as `value`: the one
    /// Rust prints. Evaluating a scan reads every weight and threshold so.
    fn short_decimal(value: f64) -> Option<Self> {
        if value.abs() >= 1e9 {
            return None;
        }
        let mut scale: i64 = 1;
        for _ in 0..=6 {
            let places = scale as f64;
            let scaled = (value * places).round();
            // Below 1e15 in size: the conversions are exact.
            if scaled / places == value {
                return Some(Self::ratio(scaled as i64, scale));
            }
            scale *= 10;
        }
        None
    }

    /// Parses `-12.345` (no exponent).
    fn parse_decimal(text: &str) -> Option<Self> {
        let (negative, digits) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
        let places = u32::try_from(fraction.len()).ok()?;
        let written = format!("{whole}{fraction}");
        if let (Ok(numerator), Some(denominator)) =
            (written.parse::<i64>(), 10_i64.checked_pow(places))
        {
            let numerator = if negative { -numerator } else { numerator };
            return Some(Self::ratio(numerator, denominator));
        }
        let numerator: BigInt = written.parse().ok()?;
        let value = BigRational::new(numerator, BigInt::from(10u8).pow(places));
        Some(Self::from_big(if negative { -value } else { value }))
    }

    pub fn is_positive(&self) -> bool {
        match &self.0 {
            Repr::Small { numer, .. } => *numer > 0,
            Repr::Big(value) => value.is_positive(),
        }
    }

    /// The nearest `f64`, for drawing charts; never for deciding.
    pub fn to_f64(&self) -> f64 {
        // Both exact in an `f64`: one division, rounded once.
        const EXACT: u64 = 1 << 53;
        match &self.0 {
            Repr::Small { numer, denom }
                if numer.unsigned_abs() <= EXACT && denom.unsigned_abs() <= EXACT =>
            {
                *numer as f64 / *denom as f64
            }
            _ => self.to_big().to_f64().unwrap_or(f64::NAN),
        }
    }

    /// How many decimals write this number exactly, or `None` when no finite
    /// decimal does (a third).
    pub fn decimal_places(&self) -> Option<u32> {
        let big = self.to_big();
        let mut denominator = big.denom().clone();
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
        if let Repr::Small { numer, denom } = self.0
            && let Some(text) = rounded_small(numer, denom, places)
        {
            return text;
        }
        rounded_big(&self.to_big(), places)
    }

    /// The exact decimal, when there is one (`2.75`, not `11/4`).
    pub fn exact_decimal(&self) -> Option<String> {
        self.decimal_places().map(|places| self.rounded(places))
    }

    /// The exact fraction in lowest terms: `42/11`, or `3` for a whole number.
    pub fn fraction(&self) -> String {
        match &self.0 {
            Repr::Small { numer, denom: 1 } => numer.to_string(),
            Repr::Small { numer, denom } => format!("{numer}/{denom}"),
            Repr::Big(value) if value.is_integer() => value.numer().to_string(),
            Repr::Big(value) => format!("{}/{}", value.numer(), value.denom()),
        }
    }
}

/// [`Exact::rounded`] on machine integers, when the scaled value fits.
fn rounded_small(numer: i64, denom: i64, places: u32) -> Option<String> {
    let scale = 10_i128.checked_pow(places)?;
    let scaled = i128::from(numer).checked_abs()?.checked_mul(scale)?;
    let denom = i128::from(denom);
    let (mut units, rest) = (scaled / denom, scaled % denom);
    // A tie goes to the even unit.
    if rest * 2 > denom || (rest * 2 == denom && units % 2 == 1) {
        units += 1;
    }
    let (whole, fraction) = (units / scale, units % scale);
    let sign = if numer < 0 && units != 0 { "-" } else { "" };
    if places == 0 {
        return Some(format!("{sign}{whole}"));
    }
    Some(format!(
        "{sign}{whole}.{fraction:0>width$}",
        width = places as usize
    ))
}

/// [`Exact::rounded`] over big integers.
fn rounded_big(value: &BigRational, places: u32) -> String {
    let scale = BigInt::from(10u8).pow(places);
    let scaled = value.abs() * BigRational::from_integer(scale.clone());
    let floor = scaled.floor();
    let rest = &scaled - &floor;
    let half = BigRational::new(BigInt::one(), BigInt::from(2u8));
    let mut units = floor.to_integer();
    if rest > half || (rest == half && units.is_odd()) {
        units += 1;
    }
    let (whole, fraction) = units.div_rem(&scale);
    let sign = if value.is_negative() && !units.is_zero() {
        "-"
    } else {
        ""
    };
    if places == 0 {
        return format!("{sign}{whole}");
    }
    format!("{sign}{whole}.{fraction:0>width$}", width = places as usize)
}

impl fmt::Debug for Exact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.fraction())
    }
}

/// `a/b` and `c/d` widened to `i128` when both are on machine integers: a
/// product of two of them always fits, and a sum of two such products too
/// (added with `checked_add` all the same).
fn both_small(x: &Exact, y: &Exact) -> Option<(i128, i128, i128, i128)> {
    match (&x.0, &y.0) {
        (Repr::Small { numer: a, denom: b }, Repr::Small { numer: c, denom: d }) => Some((
            i128::from(*a),
            i128::from(*b),
            i128::from(*c),
            i128::from(*d),
        )),
        _ => None,
    }
}

impl Ord for Exact {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        match both_small(self, other) {
            // Denominators are positive.
            Some((a, b, c, d)) => (a * d).cmp(&(c * b)),
            None => self.to_big().cmp(&other.to_big()),
        }
    }
}

impl PartialOrd for Exact {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl std::ops::Add for &Exact {
    type Output = Exact;
    fn add(self, other: &Exact) -> Exact {
        if let Some((a, b, c, d)) = both_small(self, other)
            && let Some(numer) = (a * d).checked_add(c * b)
        {
            return Exact::from_parts(numer, b * d);
        }
        Exact::from_big(self.to_big() + other.to_big())
    }
}

impl std::ops::Mul for &Exact {
    type Output = Exact;
    fn mul(self, other: &Exact) -> Exact {
        match both_small(self, other) {
            Some((a, b, c, d)) => Exact::from_parts(a * c, b * d),
            None => Exact::from_big(self.to_big() * other.to_big()),
        }
    }
}

impl std::ops::Div for &Exact {
    type Output = Exact;
    /// Zero when dividing by zero; callers divide by positive weight sums.
    fn div(self, other: &Exact) -> Exact {
        if matches!(other.0, Repr::Small { numer: 0, .. }) {
            return Exact::zero();
        }
        match both_small(self, other) {
            Some((a, b, c, d)) => Exact::from_parts(a * d, b * c),
            None => Exact::from_big(self.to_big() / other.to_big()),
        }
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

    use proptest::prelude::*;

    /// A big integer from three words, `2^128 a + 2^64 b + c`.
    fn big(words: (u64, u64, u64), negative: bool) -> BigInt {
        let value: BigInt = (BigInt::from(words.0) << 128_u32)
            + (BigInt::from(words.1) << 64_u32)
            + BigInt::from(words.2);
        if negative { -value } else { value }
    }

    /// Values of every kind: small fractions, the extremes of an `i64`,
    /// written decimals, and fractions of big integers.
    fn value() -> impl Strategy<Value = Exact> {
        let edge = prop::sample::select(vec![i64::MIN, i64::MIN + 1, -3, -1, 0, 1, 2, i64::MAX]);
        prop_oneof![
            (-1000_i64..1000, -50_i64..1000).prop_map(|(n, d)| Exact::ratio(n, d)),
            (any::<i64>(), any::<i64>()).prop_map(|(n, d)| Exact::ratio(n, d)),
            (edge.clone(), edge).prop_map(|(n, d)| Exact::ratio(n, d)),
            any::<f64>().prop_map(Exact::from_decimal_f64),
            (-100_000_i64..100_000, 0_u32..8)
                .prop_map(|(n, places)| Exact::ratio(n, 10_i64.pow(places))),
            (
                any::<(u64, u64, u64)>(),
                any::<(u64, u64, u64)>(),
                any::<bool>()
            )
                .prop_map(|(n, d, negative)| {
                    let d = big(d, false) + 1_u8;
                    Exact::from_big(BigRational::new(big(n, negative), d))
                }),
        ]
    }

    proptest! {
        /// Machine integers give what big integers give, for every
        /// operation, and a value has one representation.
        #[test]
        fn machine_integers_agree_with_big_ones(a in value(), b in value()) {
            let (x, y) = (a.to_big(), b.to_big());
            prop_assert!(Exact::from_big(x.clone()).0 == a.0, "{a:?} is not canonical");
            prop_assert_eq!((&a + &b).to_big(), &x + &y);
            prop_assert_eq!((&a * &b).to_big(), &x * &y);
            let quotient = if y.is_zero() { BigRational::zero() } else { &x / &y };
            prop_assert_eq!((&a / &b).to_big(), quotient);
            prop_assert_eq!(a.cmp(&b), x.cmp(&y));
            prop_assert_eq!(a == b, x == y);
            prop_assert_eq!(a.is_positive(), x.is_positive());
            prop_assert_eq!(a.to_f64(), x.to_f64().unwrap_or(f64::NAN));
            let fraction = if x.is_integer() {
                x.numer().to_string()
            } else {
                format!("{}/{}", x.numer(), x.denom())
            };
            prop_assert_eq!(a.fraction(), fraction);
            for places in [0, 1, 2, 3, 7, 18, 19, 20, 37, 38, 39, 40] {
                prop_assert_eq!(a.rounded(places), rounded_big(&x, places), "{} places", places);
            }
        }
    }

    proptest! {
        /// Reading a decimal without printing it reads what printing reads.
        #[test]
        fn a_decimal_read_short_is_the_decimal_printed(
            value in prop_oneof![
                any::<f64>(),
                -2e9_f64..2e9,
                (-1_000_000_000_i64..1_000_000_000, 0_u32..9)
                    .prop_map(|(n, places)| n as f64 / 10_f64.powi(places as i32)),
            ],
        ) {
            let printed = if value.is_finite() {
                Exact::parse_decimal(&format!("{value}")).unwrap_or_else(Exact::zero)
            } else {
                Exact::zero()
            };
            prop_assert_eq!(Exact::from_decimal_f64(value), printed);
        }
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
