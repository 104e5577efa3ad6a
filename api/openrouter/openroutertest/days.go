package openroutertest

import (
	"math"
	"math/rand/v2"
	"time"
)

// day is a UTC calendar day, counted from 1970-01-01.
type day int64

// secondsPerDay is the length of a UTC day (the API knows no leap seconds).
const secondsPerDay = 24 * 60 * 60

// dayOf is the UTC day t falls on.
func dayOf(t time.Time) day {
	s := t.UTC().Unix()
	d := s / secondsPerDay
	if s%secondsPerDay < 0 {
		d--
	}
	return day(d)
}

// start is the first instant of d.
func (d day) start() time.Time { return time.Unix(int64(d)*secondsPerDay, 0).UTC() }

// String is d as the API writes a date: YYYY-MM-DD.
func (d day) String() string { return d.start().Format(time.DateOnly) }

// weekStart is the Monday of d's week: the API's weeks run "Monday-Sunday"
// (usage_weekly: "the current UTC week (Monday-Sunday)").
func (d day) weekStart() day {
	return d - day((int(d.start().Weekday())+6)%7)
}

// monthStart is the first day of d's UTC month.
func (d day) monthStart() day {
	t := d.start()
	return dayOf(time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC))
}

// nanos is an amount in billionths of a USD: the API's figures have nine
// decimals, and sums of nanos are exact where sums of floats are not.
type nanos = int64

// toNanos is v in nanos.
func toNanos(v float64) nanos { return nanos(math.Round(v * 1e9)) }

// usd is n as the API sends it.
func usd(n nanos) float64 { return float64(n) / 1e9 }

// split divides n over weights, exactly: the parts add up to n.
func split(n nanos, weights []float64) []nanos {
	parts := make([]nanos, len(weights))
	var sum float64
	for _, w := range weights {
		sum += w
	}
	if n == 0 || sum <= 0 {
		if len(parts) > 0 {
			parts[len(parts)-1] = n
		}
		return parts
	}
	left, biggest := n, 0
	for i, w := range weights {
		parts[i] = nanos(math.Floor(float64(n) * w / sum))
		left -= parts[i]
		if w > weights[biggest] {
			biggest = i
		}
	}
	parts[biggest] += left
	return parts
}

// dayWeight is how busy a day is: less at weekends, as API traffic is.
func dayWeight(r *rand.Rand, d day) float64 {
	w := 0.4 + r.Float64()
	if wd := d.start().Weekday(); wd == time.Saturday || wd == time.Sunday {
		w *= 0.45
	}
	return w
}
