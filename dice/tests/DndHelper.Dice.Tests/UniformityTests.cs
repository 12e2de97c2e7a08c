namespace DndHelper.Dice.Tests;

public sealed class UniformityTests
{
    // Critical values of the chi-square distribution for a false alarm rate of 1e-6, with
    // sides - 1 degrees of freedom (computed from the regularized upper incomplete gamma function):
    //   d6: 5 df -> 35.888     d20: 19 df -> 63.677     d100: 99 df -> 180.792
    [Theory]
    [InlineData(6, 35.888)]
    [InlineData(20, 63.677)]
    [InlineData(100, 180.792)]
    public void TheCryptoRandomSourceIsUniformByChiSquare(int sides, double criticalValue)
    {
        const int expectedPerFace = 2000;
        var counts = new long[sides + 1];
        var random = CryptoDiceRandom.Shared;
        for (var i = 0; i < sides * expectedPerFace; i++)
        {
            var face = random.Roll(sides);
            Assert.InRange(face, 1, sides);
            counts[face]++;
        }

        var chiSquare = 0.0;
        for (var face = 1; face <= sides; face++)
        {
            var difference = counts[face] - expectedPerFace;
            chiSquare += (double)difference * difference / expectedPerFace;
        }

        Assert.True(chiSquare < criticalValue, $"chi-square {chiSquare:F2} for d{sides} exceeds {criticalValue}");
    }

    [Fact]
    public void TheCryptoRandomSourceIsSafeToShareAcrossThreads()
    {
        Parallel.For(0, 8, _ =>
        {
            for (var i = 0; i < 20_000; i++)
            {
                Assert.InRange(CryptoDiceRandom.Shared.Roll(7), 1, 7);
            }
        });
    }

    [Fact]
    public void TheCryptoRandomSourceHandlesEverySupportedSideCount()
    {
        for (var sides = 1; sides <= DiceLimits.MaxSides; sides++)
        {
            Assert.InRange(CryptoDiceRandom.Shared.Roll(sides), 1, sides);
        }

        Assert.InRange(CryptoDiceRandom.Shared.Roll(int.MaxValue), 1, int.MaxValue);
    }
}
