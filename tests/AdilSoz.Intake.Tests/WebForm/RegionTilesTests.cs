using AdilSoz.Intake.Admin.WebForm.Incidents;
using AdilSoz.Intake.Admin.WebForm.Map;
using AdilSoz.Intake.Language.Reference;

namespace AdilSoz.Intake.Tests.WebForm;

/// <summary>The tile map's layout and colour classes, and the public list's cursor, as pure logic.</summary>
public sealed class RegionTilesTests
{
    [Fact]
    public void Every_region_of_the_reference_list_has_a_tile_of_its_own()
    {
        Assert.Equal(20, ReferenceData.Regions.Length);
        Assert.Equal(ReferenceData.Regions.Select(r => r.Code).Order(), RegionTiles.Places.Keys.Order());
        Assert.Equal(RegionTiles.Places.Count, RegionTiles.Places.Values.Distinct().Count());
    }

    [Theory]
    [InlineData("west_kazakhstan", "east_kazakhstan")]
    [InlineData("mangystau", "almaty_region")]
    [InlineData("kostanay", "pavlodar")]
    public void West_lies_left_of_east(string west, string east) =>
        Assert.True(RegionTiles.Places[west].Column < RegionTiles.Places[east].Column);

    [Theory]
    [InlineData("north_kazakhstan", "shymkent")]
    [InlineData("astana", "karaganda")]
    [InlineData("almaty_region", "almaty")]
    [InlineData("atyrau", "mangystau")]
    public void North_lies_above_south(string north, string south) =>
        Assert.True(RegionTiles.Places[north].Row < RegionTiles.Places[south].Row);

    [Theory]
    [InlineData(0, 21, 0)]
    [InlineData(1, 21, 1)]
    [InlineData(21, 21, 4)]
    [InlineData(1, 1, 1)]
    [InlineData(11, 21, 2)]
    [InlineData(5, 0, 0)]
    public void A_count_gets_its_shade(long count, long max, int shade) => Assert.Equal(shade, RegionTiles.ShadeOf(count, max));

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(21)]
    [InlineData(1000)]
    public void The_legend_bands_cover_one_to_the_largest_count_without_gaps(long max)
    {
        var bands = RegionTiles.Bands(max);
        Assert.Equal(1, bands[0].From);
        Assert.Equal(max, bands[^1].To);
        Assert.All(bands.Zip(bands.Skip(1)), pair => Assert.Equal(pair.First.To + 1, pair.Second.From));
    }

    [Theory]
    [InlineData("2021-02-03.42", true)]
    [InlineData("2021-02-30.42", false)]
    [InlineData("2021-02-03", false)]
    [InlineData("2021-02-03.-1", false)]
    [InlineData("x.1", false)]
    [InlineData(null, false)]
    public void A_cursor_is_a_date_and_an_id_or_nothing(string? cursor, bool valid) =>
        Assert.Equal(valid, PublicPaging.Parse(cursor) is not null);
}
