using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PartyWorkflow.Api.Tests.Infrastructure;

/// <summary>The demo users a first start prints (user name, password, role), and signing in as one of them.</summary>
public static partial class DemoUsers
{
    [GeneratedRegex(@"^\s+(demo-[a-z-]+)\s+(\S+)\s+[a-z-]+$", RegexOptions.Multiline)]
    private static partial Regex Line();

    public static IReadOnlyDictionary<string, string> Parse(string output) =>
        Line().Matches(output).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);

    /// <summary>Signs the client in (bearer) as a printed demo user.</summary>
    public static async Task SignInAsync(HttpClient http, string output, string userName)
    {
        var password = Parse(output).GetValueOrDefault(userName) ?? throw new InvalidOperationException($"{userName} was not printed:\n{output}");
        using var response = await http.PostAsJsonAsync("/api/auth/login", new { userName, password });
        response.EnsureSuccessStatusCode();
        var token = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["accessToken"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }
}
