using PartyWorkflow.Engine.Definitions;
using PartyWorkflow.Engine.Facts;
using PartyWorkflow.Engine.Tests.Support;

namespace PartyWorkflow.Engine.Tests.Facts;

public class FactValidatorTests
{
    private static readonly Dictionary<string, FactDefinition> Definitions = new()
    {
        ["date"] = new() { Type = "date", Required = true },
        ["notes"] = new() { Type = "string", MaxLength = 5 },
        ["days"] = new() { Type = "integer" },
        ["leaving"] = new() { Type = "boolean" },
        ["result"] = new() { Type = "enum", Values = ["passed", "failed"] },
        ["talkerId"] = new() { Type = "member" },
        ["contactIds"] = new() { Type = "list", MinItems = 1, MaxItems = 2, Items = new() { Type = "member" } },
        ["person"] = new()
        {
            Type = "object",
            Properties = new Dictionary<string, FactDefinition>
            {
                ["citizenId"] = new() { Type = "string", Required = true },
                ["gender"] = new() { Type = "enum", Required = true, Values = ["male", "female"] },
            },
        },
    };

    private static readonly string Member = TestRegistry.Secretary.ToString();

    private static readonly StepDefinition Step = new() { Id = "some-step", Name = new LocalizedText("某步骤", "some step"), Actors = ["branch"], Facts = Definitions };

    /// <summary>
    /// The JSON Schema validator's answer, after checking that the hand-written validator it replaced
    /// gives the same one: same fields, same messages.
    /// </summary>
    private static Dictionary<string, string[]> Validate(string facts)
    {
        var answer = FactValidator.Validate(Step, JsonObjects.Parse(facts));
        var legacy = LegacyFactValidator.Validate(Definitions, JsonObjects.Parse(facts));
        Assert.Equal(Sorted(legacy), Sorted(answer));
        return answer;
    }

    private static List<string> Sorted(Dictionary<string, string[]> errors) =>
        errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}")).Order(StringComparer.Ordinal).ToList();

    private static string[] ErrorsOf(string facts, string field) => Assert.Single(Validate(facts), e => e.Key == field).Value;

    [Fact]
    public void Facts_of_the_right_shapes_have_no_errors()
    {
        var errors = Validate($$"""
            { "date": "2026-03-01", "notes": "良好", "days": 3, "leaving": false, "result": "passed", "talkerId": "{{Member}}",
              "contactIds": ["{{Member}}"], "person": { "citizenId": "110101", "gender": "female" } }
            """);

        Assert.Empty(errors);
    }

    [Fact]
    public void A_missing_required_fact_is_required_and_a_missing_optional_one_is_not()
    {
        var error = Assert.Single(Validate("{}"));

        Assert.Equal("date", error.Key);
        Assert.Equal(["is required"], error.Value);
    }

    [Fact]
    public void A_null_required_fact_counts_as_missing()
    {
        Assert.Equal(["is required"], ErrorsOf("""{ "date": null }""", "date"));
    }

    [Theory]
    [InlineData("""{ "date": "2026-03-01", "notes": 7 }""", "notes")]
    [InlineData("""{ "date": "2026-03-01", "notes": "  " }""", "notes")]
    [InlineData("""{ "date": "2026-03-01", "days": "3" }""", "days")]
    [InlineData("""{ "date": "2026-03-01", "days": 2.5 }""", "days")]
    [InlineData("""{ "date": "2026-03-01", "leaving": "no" }""", "leaving")]
    [InlineData("""{ "date": "01/03/2026" }""", "date")]
    [InlineData("""{ "date": "2026-02-30" }""", "date")]
    [InlineData("""{ "date": "2026-03-01", "talkerId": "Li Si" }""", "talkerId")]
    [InlineData("""{ "date": "2026-03-01", "person": "张三" }""", "person")]
    [InlineData("""{ "date": "2026-03-01", "contactIds": "all" }""", "contactIds")]
    public void A_value_of_the_wrong_type_is_named_by_its_field(string facts, string field)
    {
        Assert.Equal(field, Assert.Single(Validate(facts)).Key);
    }

    [Fact]
    public void A_string_longer_than_its_maximum_is_refused()
    {
        Assert.Equal(["must be at most 5 characters"], ErrorsOf("""{ "date": "2026-03-01", "notes": "一二三四五六" }""", "notes"));
    }

    [Fact]
    public void An_enum_value_outside_the_list_names_the_allowed_values()
    {
        Assert.Equal(["must be one of: passed, failed"], ErrorsOf("""{ "date": "2026-03-01", "result": "PASSED" }""", "result"));
    }

    [Fact]
    public void A_list_with_too_few_or_too_many_items_is_refused()
    {
        Assert.Equal(["must have at least 1 item(s)"], ErrorsOf("""{ "date": "2026-03-01", "contactIds": [] }""", "contactIds"));
        Assert.Equal(["must have at most 2 item(s)"],
            ErrorsOf($$"""{ "date": "2026-03-01", "contactIds": ["{{Member}}", "{{Member}}", "{{Member}}"] }""", "contactIds"));
    }

    [Fact]
    public void A_bad_list_item_is_named_by_its_index()
    {
        var errors = Validate("""{ "date": "2026-03-01", "contactIds": ["nobody", null] }""");

        Assert.Equal(["must be an id (GUID)"], errors["contactIds[0]"]);
        Assert.Equal(["must not be null"], errors["contactIds[1]"]);
        Assert.Equal(2, errors.Count);
    }

    [Fact]
    public void Facts_inside_an_object_are_named_with_a_dotted_path()
    {
        var errors = Validate("""{ "date": "2026-03-01", "person": { "gender": "unknown", "nickname": "小张" } }""");

        Assert.Equal(["person.citizenId", "person.gender", "person.nickname"], errors.Keys.Order());
        Assert.Equal(["is required"], errors["person.citizenId"]);
        Assert.Contains("unknown field", errors["person.nickname"][0]);
    }
}
