namespace K6Scenarios.Model.Tests;

public class FormattingTests
{
    [Theory]
    [InlineData(90_000, "1m30s")]
    [InlineData(1_500, "1s500ms")]
    [InlineData(0, "0s")]
    [InlineData(3_600_000 * 25L, "25h")]
    public void Durations_are_go_duration_strings(long milliseconds, string expected) =>
        Assert.Equal(expected, Formatting.Duration(System.TimeSpan.FromMilliseconds(milliseconds)));
}
