namespace DndHelper.Api.Tests.Infrastructure;

// ./dnd test starts a private PostgreSQL and Redis for the run and names them here.
public static class TestEnvironment
{
    public static string Postgres => Required("DND_TEST_POSTGRES");

    public static string Redis => Required("DND_TEST_REDIS");

    public static string SrdPath => Required("DND_SRD_PATH");

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set: run the tests with ./dnd test, which starts PostgreSQL and Redis for them");
}
