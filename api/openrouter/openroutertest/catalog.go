package openroutertest

import (
	"hash/fnv"
	"math"
)

// model is one endpoint a key's requests went to: the model, the provider
// serving it and its prices, from which an activity row's tokens and
// requests follow.
type model struct {
	slug, permaslug, provider, endpoint string
	// promptPrice and completionPrice are USD per million tokens.
	promptPrice, completionPrice float64
	// completionShare is completion tokens per prompt token; reasoning the
	// share of completion tokens spent reasoning.
	completionShare, reasoning float64
	// tokensPerRequest is the prompt and completion tokens of a request.
	tokensPerRequest float64
}

// catalog is the endpoints the simulated account's keys call.
var catalog = []model{
	{"openai/gpt-4.1", "openai/gpt-4.1-2025-04-14", "OpenAI", "0f1b6a53-4b7e-4d1c-9a57-2d0f3b1c8e41", 2, 8, 0.25, 0, 1800},
	{"anthropic/claude-sonnet-4", "anthropic/claude-4-sonnet-20250522", "Anthropic", "5c2e9d7a-81f4-4e0b-b6a3-7d94c1e25f08", 3, 15, 0.3, 0.2, 2600},
	{"google/gemini-2.5-flash", "google/gemini-2.5-flash", "Google AI Studio", "a4d3f2e1-6b58-4c97-8e2a-1f0b9c7d6e53", 0.3, 2.5, 0.2, 0.15, 3200},
	{"deepseek/deepseek-r1", "deepseek/deepseek-r1", "DeepInfra", "e8b7c6d5-2a19-4f38-a7e6-5d4c3b2a1f90", 0.5, 2.15, 0.6, 0.7, 2200},
	{"meta-llama/llama-3.3-70b-instruct", "meta-llama/llama-3.3-70b-instruct", "Groq", "3f9e8d7c-6b5a-4e49-b8c7-d6e5f4a3b2c1", 0.59, 0.79, 0.15, 0, 1400},
	{"openai/gpt-4o-mini", "openai/gpt-4o-mini-2024-07-18", "OpenAI", "7a6b5c4d-3e2f-4a1b-9c8d-e7f6a5b4c3d2", 0.15, 0.6, 0.2, 0, 900},
}

// pickModels chooses one to three models of the catalog for a key. It
// runs with s.mu held or before the server is shared.
func (s *Server) pickModels() []int {
	n := 1 + s.extra.IntN(3)
	return s.extra.Perm(len(catalog))[:n]
}

// usageRow is what one key spent on one day at one endpoint.
type usageRow struct {
	model            int
	credits, byok    nanos
	requests         int64
	prompt, complete int64
	reasoning        int64
}

// rowsOf splits what h's key spent on the day with index i over its
// models, with the tokens and requests those amounts buy. The split
// depends only on the key and the day, so every request sees the same
// rows.
func rowsOf(h *history, i int) []usageRow {
	credits, byok := h.credits[i], h.byok[i]
	if credits == 0 && byok == 0 {
		return nil
	}
	f := fnv.New64a()
	f.Write([]byte(h.hash))
	f.Write([]byte((h.first + day(i)).String()))
	seed := f.Sum64()
	weights := make([]float64, len(h.models))
	for j := range weights {
		seed = seed*6364136223846793005 + 1442695040888963407
		weights[j] = 1 + float64(seed>>40%1000)/250 // 1 to 5
	}
	cs, bs := split(credits, weights), split(byok, weights)
	rows := make([]usageRow, 0, len(h.models))
	for j, m := range h.models {
		if cs[j] == 0 && bs[j] == 0 {
			continue
		}
		rows = append(rows, tokensFor(m, cs[j], bs[j]))
	}
	return rows
}

// tokensFor is the row for spending credits and byok at catalog[m]: the
// tokens that cost as much, and the requests that carried them.
func tokensFor(m int, credits, byok nanos) usageRow {
	md := catalog[m]
	cost := usd(credits + byok)
	perPrompt := (md.promptPrice + md.completionShare*md.completionPrice) / 1e6
	prompt := int64(math.Round(cost / perPrompt))
	complete := int64(math.Round(float64(prompt) * md.completionShare))
	return usageRow{
		model:     m,
		credits:   credits,
		byok:      byok,
		requests:  max(1, int64(math.Round(float64(prompt+complete)/md.tokensPerRequest))),
		prompt:    prompt,
		complete:  complete,
		reasoning: int64(math.Round(float64(complete) * md.reasoning)),
	}
}
