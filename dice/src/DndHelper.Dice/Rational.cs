namespace DndHelper.Dice;

// Exact arithmetic for the whole evaluation; only the final total is floored (5e rounds down).
// Numerator and denominator are longs, and every step is computed in Int128 and reduced before
// it is narrowed, so nothing overflows on the way to a result that fits. A result that does not
// fit in ±(2^63 - 1) is reported as a Syntax error ("number too large") at the operator or
// literal that produced it: a dice total that size is never meant, and an error beats both a
// wrapped value and an unbounded BigInteger that no client (JSON, Telegram) could use.
internal readonly struct Rational : IComparable<Rational>, IEquatable<Rational>
{
    private readonly long _denominator;

    private Rational(long numerator, long denominator)
    {
        Numerator = numerator;
        _denominator = denominator;
    }

    public static Rational Zero => default;

    public long Numerator { get; }

    // Always positive and coprime with the numerator; default(Rational) reads as 0/1.
    public long Denominator => _denominator == 0 ? 1 : _denominator;

    public bool IsZero => Numerator == 0;

    public bool IsInteger => Denominator == 1;

    public static Rational FromInteger(long value, int position) =>
        value == long.MinValue ? throw TooLarge(position) : new Rational(value, 1);

    public static Rational Add(Rational a, Rational b, int position) =>
        a.IsInteger && b.IsInteger
            ? Create((Int128)a.Numerator + b.Numerator, 1, position)
            : Create(
                ((Int128)a.Numerator * b.Denominator) + ((Int128)b.Numerator * a.Denominator),
                (Int128)a.Denominator * b.Denominator,
                position);

    public static Rational Subtract(Rational a, Rational b, int position) =>
        a.IsInteger && b.IsInteger
            ? Create((Int128)a.Numerator - b.Numerator, 1, position)
            : Create(
                ((Int128)a.Numerator * b.Denominator) - ((Int128)b.Numerator * a.Denominator),
                (Int128)a.Denominator * b.Denominator,
                position);

    public static Rational Multiply(Rational a, Rational b, int position) =>
        Create((Int128)a.Numerator * b.Numerator, (Int128)a.Denominator * b.Denominator, position);

    // The caller rejects a zero divisor with its own error kind and position.
    public static Rational Divide(Rational a, Rational b, int position) =>
        Create((Int128)a.Numerator * b.Denominator, (Int128)a.Denominator * b.Numerator, position);

    public static Rational FloorDivide(Rational a, Rational b, int position)
    {
        var (x, y) = CrossNumerators(a, b);
        return Create(FloorDiv(x, y), 1, position);
    }

    // Python's floor modulo: the result takes the sign of the divisor, so -7 % 3 == 2.
    public static Rational Modulo(Rational a, Rational b, int position)
    {
        var (x, y) = CrossNumerators(a, b);
        var remainder = x % y;
        if (remainder != 0 && (remainder < 0) != (y < 0))
        {
            remainder += y;
        }

        return Create(remainder, (Int128)a.Denominator * b.Denominator, position);
    }

    public static Rational Negate(Rational a) => new(-a.Numerator, a.Denominator);

    public long Floor() => IsInteger ? Numerator : (long)FloorDiv(Numerator, Denominator);

    public int CompareTo(Rational other) =>
        ((Int128)Numerator * other.Denominator).CompareTo((Int128)other.Numerator * Denominator);

    public bool Equals(Rational other) => Numerator == other.Numerator && Denominator == other.Denominator;

    public override bool Equals(object? obj) => obj is Rational other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Numerator, Denominator);

    public override string ToString() => IsInteger ? $"{Numerator}" : $"{Numerator}/{Denominator}";

    public static bool operator ==(Rational left, Rational right) => left.Equals(right);

    public static bool operator !=(Rational left, Rational right) => !left.Equals(right);

    public static bool operator <(Rational left, Rational right) => left.CompareTo(right) < 0;

    public static bool operator >(Rational left, Rational right) => left.CompareTo(right) > 0;

    public static bool operator <=(Rational left, Rational right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Rational left, Rational right) => left.CompareTo(right) >= 0;

    // a = p/q and b = r/s have the same ratio as p*s and r*q, which fit in Int128.
    private static (Int128 X, Int128 Y) CrossNumerators(Rational a, Rational b) =>
        ((Int128)a.Numerator * b.Denominator, (Int128)b.Numerator * a.Denominator);

    private static Int128 FloorDiv(Int128 x, Int128 y)
    {
        var quotient = x / y;
        return (x % y != 0) && ((x < 0) != (y < 0)) ? quotient - 1 : quotient;
    }

    private static Rational Create(Int128 numerator, Int128 denominator, int position)
    {
        if (denominator < 0)
        {
            numerator = -numerator;
            denominator = -denominator;
        }

        if (denominator != 1)
        {
            var divisor = Gcd(Int128.Abs(numerator), denominator);
            if (divisor > 1)
            {
                numerator /= divisor;
                denominator /= divisor;
            }
        }

        if (numerator > long.MaxValue || numerator < -long.MaxValue || denominator > long.MaxValue)
        {
            throw TooLarge(position);
        }

        return new Rational((long)numerator, (long)denominator);
    }

    private static Int128 Gcd(Int128 a, Int128 b)
    {
        if (a <= ulong.MaxValue && b <= ulong.MaxValue)
        {
            var (x, y) = ((ulong)a, (ulong)b);
            while (y != 0)
            {
                (x, y) = (y, x % y);
            }

            return x;
        }

        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }

    private static DiceException TooLarge(int position) =>
        new(DiceErrorKind.Syntax, position, $"The number at position {position} is too large: results must stay within ±9,223,372,036,854,775,807.");
}
