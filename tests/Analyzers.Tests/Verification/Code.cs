namespace K6Scenarios.Analyzers.Tests.Verification;

/// <summary>Wraps load-test members in a compilable file with the usual usings and fields.</summary>
internal static class Code
{
    public static string Wrap(string members) => """
        using System;
        using System.Collections.Generic;
        using System.Net;
        using K6Scenarios.Model;

        public static class Tests
        {
            static readonly Variable Token = new("token");
            static readonly Variable Other = new("other");
            static readonly UserPool Users = UserPool.Generate("users", 10_000, ("email", "user{n}@example.test"), ("password", Value.Secret("USER_PASSWORD")));

        """ + members + """

        }
        """;
}

/// <summary>OpenAPI documents for the tests.</summary>
internal static class Documents
{
    /// <summary>A small API: sign-in answers 201 (seed 000), login wants username (seed 003), groups need a bearer token.</summary>
    public const string Api = """
        openapi: 3.0.3
        info:
          title: Test API
          version: "1"
        servers:
          - url: http://localhost:4000/api
        security:
          - bearer: []
        paths:
          /auth/signin:
            post:
              security: []
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [email, password]
                      properties:
                        email: {type: string}
                        password: {type: string}
              responses:
                '201': {description: Signed in}
                '401': {description: Wrong credentials}
          /auth/login:
            post:
              security: []
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [username, password]
                      properties:
                        username: {type: string}
                        password: {type: string}
              responses:
                '200': {description: Tokens}
                '400': {description: Bad body}
          /groups:
            get:
              responses:
                '200': {description: Groups}
                '204': {description: No groups}
                '401': {description: No token}
            post:
              requestBody:
                content:
                  application/json:
                    schema:
                      oneOf:
                        - type: object
                          properties:
                            name: {type: string}
                        - type: object
                          properties:
                            title: {type: string}
              responses:
                '201': {description: Created}
          /groups/{id}:
            get:
              parameters:
                - name: id
                  in: path
                  required: true
                  schema: {type: integer}
              responses:
                '200': {description: The group}
                '404': {description: Not found}
          /health:
            get:
              security: []
              responses:
                '200': {description: Up}
          /session/items:
            get:
              security:
                - session: []
              responses:
                '200': {description: Items}
        components:
          securitySchemes:
            bearer:
              type: http
              scheme: bearer
            session:
              type: apiKey
              in: cookie
              name: sid
        """;
}
