using DndHelper.Api.Search;

namespace DndHelper.Api.Tests.Content;

public sealed class SearchRankingTests
{
    [Theory]
    [InlineData(SearchRanking.Exact, 1.0, 1.0)]
    [InlineData(SearchRanking.Prefix, 1.0, 0.75)]
    [InlineData(SearchRanking.Prefix, 0.0, 0.5)]
    [InlineData(SearchRanking.Similar, 0.5, 0.375)]
    [InlineData(SearchRanking.Description, 1.0, 0.25)]
    [InlineData(SearchRanking.Similar, 7.0, 0.5)]
    [InlineData(SearchRanking.Similar, -1.0, 0.25)]
    public void ScoreGivesEachTierItsOwnQuarter(int tier, double similarity, double expected)
    {
        Assert.Equal(expected, SearchRanking.Score(tier, similarity));
    }

    [Fact]
    public void ABetterTierAlwaysOutscoresAWorseOne()
    {
        for (var tier = SearchRanking.Description; tier < SearchRanking.Exact; tier++)
        {
            Assert.True(SearchRanking.Score(tier + 1, 0.0) >= SearchRanking.Score(tier, 0.999));
        }
    }

    [Theory]
    [InlineData(SearchRanking.Exact, "exact")]
    [InlineData(SearchRanking.Prefix, "prefix")]
    [InlineData(SearchRanking.Similar, "similar")]
    [InlineData(SearchRanking.Description, "description")]
    public void MatchNamesTheTier(int tier, string match)
    {
        Assert.Equal(match, SearchRanking.Match(tier));
    }

    [Theory]
    [InlineData("  Чёрный   ДРАКОН ", "черный дракон")]
    [InlineData("Owlbear", "owlbear")]
    [InlineData("\tfire\nball", "fire ball")]
    [InlineData("   ", "")]
    public void NormalizeFoldsLikeDndFold(string query, string expected)
    {
        Assert.Equal(expected, SearchRanking.Normalize(query));
    }
}
