using System.Buffers.Binary;
using System.Security.Cryptography;

namespace DndHelper.Dice;

// Cryptographically strong and unbiased. Calling the OS generator for every die costs far more
// than the rest of a roll, so random bytes are fetched 4 KB at a time into a per-thread buffer;
// that also makes one shared instance safe to use from any number of threads.
public sealed class CryptoDiceRandom : IDiceRandom
{
    private const int BufferSize = 4096;

    [ThreadStatic]
    private static byte[]? t_buffer;

    [ThreadStatic]
    private static int t_offset;

    public static CryptoDiceRandom Shared { get; } = new();

    public int Roll(int sides)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sides, 1);
        if (sides == 1)
        {
            return 1;
        }

        // Lemire's multiply-and-reject: the high half of x * sides is uniform in 0..sides-1 once
        // the low half is at least 2^32 mod sides; the rare values below that are drawn again.
        var range = (uint)sides;
        var product = (ulong)NextUInt32() * range;
        var low = (uint)product;
        if (low < range)
        {
            var threshold = (0u - range) % range;
            while (low < threshold)
            {
                product = (ulong)NextUInt32() * range;
                low = (uint)product;
            }
        }

        return (int)(product >> 32) + 1;
    }

    private static uint NextUInt32()
    {
        var buffer = t_buffer;
        var offset = t_offset;
        if (buffer is null || offset > BufferSize - sizeof(uint))
        {
            buffer ??= t_buffer = new byte[BufferSize];
            RandomNumberGenerator.Fill(buffer);
            offset = 0;
        }

        t_offset = offset + sizeof(uint);
        return BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(offset));
    }
}
