using System;
using K6Scenarios.Analyzers.OpenApiSupport;
using K6Scenarios.Analyzers.Tests.Verification;
using Microsoft.CodeAnalysis.Text;

namespace K6Scenarios.Analyzers.Tests;

/// <summary>
/// A compiler process, the compiler server included, gives every compile a new text for an unchanged additional file:
/// the analyzers read each OpenAPI content once per process, not once per text object.
/// </summary>
public sealed class OpenApiReadCacheTests
{
    [Fact]
    public void A_new_text_of_the_same_content_is_not_read_again()
    {
        var cache = new OpenApiReadCache(capacity: 2);

        var first = cache.Read(SourceText.From(Samples.ApiYaml));
        var second = cache.Read(SourceText.From(string.Concat(Samples.ApiYaml.AsSpan(0, 10), Samples.ApiYaml.AsSpan(10))));

        Assert.True(first.Succeeded);
        Assert.Same(first, second);
        Assert.Equal(1, cache.Reads);
    }

    [Fact]
    public void A_changed_content_is_read_and_gives_its_own_document()
    {
        var cache = new OpenApiReadCache(capacity: 2);

        var yaml = cache.Read(SourceText.From(Samples.ApiYaml));
        var json = cache.Read(SourceText.From(Samples.ApiJson));
        var broken = cache.Read(SourceText.From("openapi: 3.0.3\npaths: [\n"));

        Assert.NotSame(yaml, json);
        Assert.True(json.Succeeded);
        Assert.False(broken.Succeeded);
        Assert.Equal(3, cache.Reads);
    }

    [Fact]
    public void The_least_recently_used_content_is_the_one_dropped()
    {
        var cache = new OpenApiReadCache(capacity: 2);
        var yaml = cache.Read(SourceText.From(Samples.ApiYaml));
        cache.Read(SourceText.From(Samples.ApiJson));

        // The YAML is used again, so the JSON is the one a third content displaces.
        Assert.Same(yaml, cache.Read(SourceText.From(Samples.ApiYaml)));
        cache.Read(SourceText.From("openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths: {}\n"));
        Assert.Same(yaml, cache.Read(SourceText.From(Samples.ApiYaml)));
        Assert.Equal(3, cache.Reads);

        cache.Read(SourceText.From(Samples.ApiJson));
        Assert.Equal(4, cache.Reads);
    }
}
