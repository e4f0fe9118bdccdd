using static K6Scenarios.Model.Tests.Validation.ValidationKit;

namespace K6Scenarios.Model.Tests.Validation;

public class SeedModelTests
{
    [Theory]
    [MemberData(nameof(SeedModels.All), MemberType = typeof(SeedModels))]
    public void Correct_seed_models_validate_without_diagnostics(string seed) =>
        AssertClean(Validate(SeedModels.ByName(seed)));
}
