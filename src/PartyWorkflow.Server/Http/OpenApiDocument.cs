using System.Text.Json.Nodes;
using PartyWorkflow.Application.Workflows;
using PartyWorkflow.Engine.Facts;

namespace PartyWorkflow.Server.Http;

/// <summary>
/// Completes the generated OpenAPI document with what minimal APIs cannot infer: the body of every
/// action (one JSON Schema per step, generated from the definitions, listed under <c>anyOf</c>), the
/// first steps that start instances, and the 4xx answers every route can give, as ProblemDetails.
/// </summary>
public static class OpenApiDocument
{
    public const string Path = "/openapi/v1.json";
    private const string Problem = "#/components/schemas/ProblemDetails";

    /// <summary>Request bodies bound from JSON: unknown fields are refused, and the server checks what is required (400 by field).</summary>
    private static readonly string[] BoundBodies = ["CreateMember", "CreateOrganization", "MemberChanges", "OrganizationChanges", "CreateCalendarFeed"];

    public static IApplicationBuilder UseCompleteOpenApiDocument(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!context.Request.Path.Equals(Path, StringComparison.Ordinal)) { await next(context); return; }
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }
        if (context.Response.StatusCode != StatusCodes.Status200OK) { await original.WriteAsync(buffer.ToArray()); return; }
        var document = JsonNode.Parse(buffer.ToArray())!.AsObject();
        Complete(document, context.RequestServices.GetRequiredService<WorkflowCatalog>());
        context.Response.ContentLength = null;
        await context.Response.WriteAsync(document.ToJsonString());
    });

    public static void Complete(JsonObject document, WorkflowCatalog catalog)
    {
        var schemas = (document["components"] ??= new JsonObject())["schemas"] ??= new JsonObject();
        schemas["ProblemDetails"] = ProblemDetailsSchema();
        foreach (var name in BoundBodies)
            if (schemas[name] is JsonObject body)
            {
                body.Remove("required");
                body["additionalProperties"] = false;
            }

        var actions = new List<string>();
        var starts = new Dictionary<string, List<string>>();
        foreach (var definition in catalog.Definitions)
        {
            var first = definition.Steps.First(s => !s.Repeats);
            foreach (var step in definition.Steps.Concat(definition.SideActions))
            {
                var name = $"{definition.DefinitionId}.v{definition.Version}.{step.Id}";
                var schema = ActionSchema.ForBody(step);
                schema.Remove("$schema");
                schemas[name] = schema;
                if (step == first) (starts.TryGetValue(definition.DefinitionId, out var list) ? list : starts[definition.DefinitionId] = []).Add(name);
                else actions.Add(name);
            }
        }

        var paths = document["paths"]!.AsObject();
        Body(paths, "/api/instances/{id}/actions/{actionId}", actions, "The facts of the action named by actionId (the signed-in user acts): the schema of that action (x-action)");
        Body(paths, "/api/definitions/{definitionId}/instances", starts.Values.SelectMany(s => s).ToList(), "The first step's facts of the definition named by definitionId (the signed-in user acts)");
        Body(paths, "/api/applications", starts.GetValueOrDefault("member-development") ?? [], "The facts of submit-application (the signed-in user acts)");
        Body(paths, "/api/establishments", starts.GetValueOrDefault("organization-establishment") ?? [], "The facts of submit-request (the signed-in user acts)");

        foreach (var (path, item) in paths)
            foreach (var (method, operation) in item!.AsObject())
                Responses(path, method, operation!.AsObject());
    }

    private static void Body(JsonObject paths, string path, IReadOnlyList<string> schemaNames, string description)
    {
        if (paths[path]?["post"] is not JsonObject operation || schemaNames.Count == 0) return;
        operation["requestBody"] = new JsonObject
        {
            ["required"] = true,
            ["description"] = description,
            ["content"] = new JsonObject
            {
                ["application/json"] = new JsonObject
                {
                    // One schema per action. anyOf, not oneOf: several actions take the same facts (a date
                    // alone), and oneOf would refuse a body that fits two of them; actionId in the path decides.
                    ["schema"] = new JsonObject { ["anyOf"] = new JsonArray(schemaNames.Select(n => (JsonNode)new JsonObject { ["$ref"] = $"#/components/schemas/{n}" }).ToArray()) },
                },
            },
        };
    }

    /// <summary>The 4xx (and 503) answers a route can give, as the API conventions define them.</summary>
    private static void Responses(string path, string method, JsonObject operation)
    {
        var responses = (operation["responses"] ??= new JsonObject()).AsObject();
        var writes = method is "post" or "put" or "patch" or "delete";
        var hasBody = operation["requestBody"] is not null;
        Add(responses, 400, "请求格式有误：正文或查询参数不合格式（errors 按字段列出） / Malformed body or query (errors by field)");
        Add(responses, 404, "找不到 / An id in the path or the query is unknown (instance, definition, action, organization, member)");
        // Reads outside one's scopes answer 404; these reads are refused by role.
        if (writes || path.EndsWith("/personal-data", StringComparison.Ordinal) || path.StartsWith("/api/users", StringComparison.Ordinal))
            Add(responses, 403, "该用户无权办理 / Not permitted for this user (unmetRules names the rule: actor-not-permitted, actor-not-subject, rights-change-not-permitted, personal-data-not-permitted)");
        if (!writes) return;
        Add(responses, 409, "当前状态不允许，或已被其他请求抢先修改 / Not permitted in the current state, or changed by another request first");
        if (path.EndsWith("/actions/{actionId}", StringComparison.Ordinal) || path == "/api/units/{id}") Add(responses, 412, "If-Match 的版本已过时 / If-Match names a stale version");
        if (hasBody)
        {
            Add(responses, 413, "正文超过 1 MiB / Body over 1 MiB");
            Add(responses, 415, "正文不是 JSON / Body is not application/json");
        }
        Add(responses, 422, "规则不允许（unmetRules 列出每条未满足的规则） / Refused by the rules (every unmet rule)");
        Add(responses, 503, "存储繁忙，请稍后重试（Retry-After） / Store busy, retry after Retry-After");
    }

    private static void Add(JsonObject responses, int status, string description) =>
        responses[status.ToString()] ??= new JsonObject
        {
            ["description"] = description,
            ["content"] = new JsonObject { ["application/problem+json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = Problem } } },
        };

    private static JsonObject ProblemDetailsSchema() => JsonNode.Parse("""
        {
          "type": "object",
          "description": "RFC 9457 problem details; errors (400) by field, unmetRules (422) by rule id",
          "required": ["status", "title"],
          "properties": {
            "type": { "type": "string" },
            "title": { "type": "string" },
            "status": { "type": "integer" },
            "detail": { "type": ["string", "null"] },
            "instance": { "type": ["string", "null"] },
            "traceId": { "type": "string" },
            "errors": { "type": "object", "additionalProperties": { "type": "array", "items": { "type": "string" } } },
            "unmetRules": {
              "type": "array",
              "items": {
                "type": "object",
                "required": ["ruleId", "message"],
                "properties": {
                  "ruleId": { "type": "string" },
                  "message": { "type": "object", "required": ["zh", "en"], "properties": { "zh": { "type": "string" }, "en": { "type": "string" } } },
                  "earliestDate": { "type": ["string", "null"], "format": "date" },
                  "fields": { "type": ["array", "null"], "items": { "type": "string" } }
                }
              }
            },
            "state": { "type": ["string", "null"] },
            "currentVersion": { "type": "integer" }
          }
        }
        """)!.AsObject();
}
