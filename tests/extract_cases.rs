//! The extraction table: one sentence each, with the figure it must yield (kind,
//! normalized value, qualifier, span), the numbers it must not read as figures, and
//! the counted noun and predicate of the key shapes.

use chrono::NaiveDate;
use claimdiff::extract::figures;
use claimdiff::figure::{Figure, FigureKind, Qualifier};
use claimdiff::{Corpus, DateOrigin, Source, prepare};

use FigureKind::{Age, Count, Date, Duration, Money, Ordinal, Percent};
use Qualifier::{Approx, AtLeast, AtMost, Exact, LessThan, MoreThan, Range};

/// A Saturday: relative dates in the table resolve against it.
const PUB: &str = "2015-09-19";

/// No publication date: relative dates stay unresolved.
const NONE: &str = "";

/// (publication date, text, kind, normalized value, qualifier, span as written).
type Case = (
    &'static str,
    &'static str,
    FigureKind,
    &'static str,
    Qualifier,
    &'static str,
);

const CASES: &[Case] = &[
    // Counts in digits, with hedges.
    (
        NONE,
        "The quake killed more than 1,200 people.",
        Count,
        "1200",
        MoreThan,
        "more than 1,200",
    ),
    (
        NONE,
        "Officials said 240 people were evacuated.",
        Count,
        "240",
        Exact,
        "240",
    ),
    (
        NONE,
        "The storm destroyed 3,500 homes in the valley.",
        Count,
        "3500",
        Exact,
        "3,500",
    ),
    (
        NONE,
        "Some 7.6 million people were displaced.",
        Count,
        "7600000",
        Approx,
        "Some 7.6 million",
    ),
    (
        NONE,
        "The appeal raised 1.2bn in pledges.",
        Count,
        "1200000000",
        Exact,
        "1.2bn",
    ),
    (
        NONE,
        "Police arrested 20 protesters.",
        Count,
        "20",
        Exact,
        "20",
    ),
    (
        NONE,
        "About 300 students attended.",
        Count,
        "300",
        Approx,
        "About 300",
    ),
    (
        NONE,
        "Around 45 boats were damaged.",
        Count,
        "45",
        Approx,
        "Around 45",
    ),
    (
        NONE,
        "Nearly 90 villages lost power.",
        Count,
        "90",
        Approx,
        "Nearly 90",
    ),
    (
        NONE,
        "Roughly 2,000 workers walked out.",
        Count,
        "2000",
        Approx,
        "Roughly 2,000",
    ),
    (
        NONE,
        "An estimated 12,000 fans attended the final.",
        Count,
        "12000",
        Approx,
        "An estimated 12,000",
    ),
    (
        NONE,
        "Up to 500 marines could be sent.",
        Count,
        "500",
        AtMost,
        "Up to 500",
    ),
    (
        NONE,
        "At most 15 people can board.",
        Count,
        "15",
        AtMost,
        "At most 15",
    ),
    (
        NONE,
        "No more than 30 guests are allowed.",
        Count,
        "30",
        AtMost,
        "No more than 30",
    ),
    (
        NONE,
        "Over 400 flights were cancelled.",
        Count,
        "400",
        MoreThan,
        "Over 400",
    ),
    (
        NONE,
        "At least 17 people died in the fire.",
        Count,
        "17",
        AtLeast,
        "At least 17",
    ),
    (
        NONE,
        "Fewer than 10 shops remained open.",
        Count,
        "10",
        LessThan,
        "Fewer than 10",
    ),
    (
        NONE,
        "Less than 5,000 tickets were sold.",
        Count,
        "5000",
        LessThan,
        "Less than 5,000",
    ),
    (
        NONE,
        "Between 20 and 30 cars were burned.",
        Count,
        "20-30",
        Range,
        "Between 20 and 30",
    ),
    (
        NONE,
        "Rescuers found 20-25 survivors.",
        Count,
        "20-25",
        Range,
        "20-25",
    ),
    (
        NONE,
        "The convoy carried 3 to 4 million doses.",
        Count,
        "3000000-4000000",
        Range,
        "3 to 4 million",
    ),
    (
        NONE,
        "The country has 1.5 million registered voters.",
        Count,
        "1500000",
        Exact,
        "1.5 million",
    ),
    (
        NONE,
        "The company employs 12,345 staff.",
        Count,
        "12345",
        Exact,
        "12,345",
    ),
    (
        NONE,
        "A total of 58 people were injured.",
        Count,
        "58",
        Exact,
        "58",
    ),
    (
        NONE,
        "As many as 70 houses collapsed.",
        Count,
        "70",
        AtMost,
        "As many as 70",
    ),
    (
        NONE,
        "Upwards of 600 volunteers signed up.",
        Count,
        "600",
        MoreThan,
        "Upwards of 600",
    ),
    (
        NONE,
        "More than 20 transport flights landed.",
        Count,
        "20",
        MoreThan,
        "More than 20",
    ),
    (
        NONE,
        "Just over 1,000 people voted.",
        Count,
        "1000",
        MoreThan,
        "Just over 1,000",
    ),
    (
        NONE,
        "Some 40 or more lorries were stuck.",
        Count,
        "40",
        Approx,
        "Some 40 or more",
    ),
    (
        NONE,
        "Then 40 or more lorries were stuck.",
        Count,
        "40",
        AtLeast,
        "40 or more",
    ),
    (
        NONE,
        "They planted 1,000,000 trees.",
        Count,
        "1000000",
        Exact,
        "1,000,000",
    ),
    (
        NONE,
        "The ship carried 2.75 million barrels.",
        Count,
        "2750000",
        Exact,
        "2.75 million",
    ),
    (
        NONE,
        "Some 250,000 people have been killed.",
        Count,
        "250000",
        Approx,
        "Some 250,000",
    ),
    (
        NONE,
        "The war has killed 240,000 people and displaced millions.",
        Count,
        "240000",
        Exact,
        "240,000",
    ),
    (
        NONE,
        "The war has killed 240,000 people and displaced millions.",
        Count,
        "2000000-9999999",
        Approx,
        "millions",
    ),
    (
        NONE,
        "Exactly 1,000 copies were printed.",
        Count,
        "1000",
        Exact,
        "1,000",
    ),
    (
        NONE,
        "A 20,000-strong force gathered.",
        Count,
        "20000",
        Exact,
        "20,000-strong",
    ),
    (
        NONE,
        "The plane carried 180 passengers and six crew.",
        Count,
        "180",
        Exact,
        "180",
    ),
    (
        NONE,
        "The plane carried 180 passengers and six crew.",
        Count,
        "6",
        Exact,
        "six",
    ),
    (
        NONE,
        "Russia sent 20 combat troops from the east.",
        Count,
        "20",
        Exact,
        "20",
    ),
    (
        NONE,
        "The fleet grew to 2,500 vessels.",
        Count,
        "2500",
        Exact,
        "2,500",
    ),
    (
        NONE,
        "Almost 3,000 people were evacuated.",
        Count,
        "3000",
        Approx,
        "Almost 3,000",
    ),
    (
        NONE,
        "Approximately 150 families fled.",
        Count,
        "150",
        Approx,
        "Approximately 150",
    ),
    (
        NONE,
        "In excess of 900 runners finished.",
        Count,
        "900",
        MoreThan,
        "In excess of 900",
    ),
    (
        NONE,
        "Close to 80 ships were at sea.",
        Count,
        "80",
        Approx,
        "Close to 80",
    ),
    // Counts in words and vague quantities.
    (
        NONE,
        "Four fighter jets landed at the base.",
        Count,
        "4",
        Exact,
        "Four",
    ),
    (
        NONE,
        "The navy sent two frigates.",
        Count,
        "2",
        Exact,
        "two",
    ),
    (
        NONE,
        "Twelve miners were trapped.",
        Count,
        "12",
        Exact,
        "Twelve",
    ),
    (
        NONE,
        "The village lost twenty-five cows.",
        Count,
        "25",
        Exact,
        "twenty-five",
    ),
    (
        NONE,
        "Three hundred and fifty workers were laid off.",
        Count,
        "350",
        Exact,
        "Three hundred and fifty",
    ),
    (
        NONE,
        "A dozen journalists were detained.",
        Count,
        "12",
        Exact,
        "A dozen",
    ),
    (
        NONE,
        "Two dozen trucks crossed the border.",
        Count,
        "24",
        Exact,
        "Two dozen",
    ),
    (
        NONE,
        "Hundreds of protesters gathered.",
        Count,
        "200-999",
        Approx,
        "Hundreds",
    ),
    (
        NONE,
        "Dozens of homes were flooded.",
        Count,
        "24-99",
        Approx,
        "Dozens",
    ),
    (
        NONE,
        "Thousands of fans cheered.",
        Count,
        "2000-9999",
        Approx,
        "Thousands",
    ),
    (
        NONE,
        "Tens of thousands of people marched.",
        Count,
        "20000-99999",
        Approx,
        "Tens of thousands",
    ),
    (
        NONE,
        "The war displaced hundreds of thousands of civilians.",
        Count,
        "200000-999999",
        Approx,
        "hundreds of thousands",
    ),
    (
        NONE,
        "The flood affected millions.",
        Count,
        "2000000-9999999",
        Approx,
        "millions",
    ),
    (
        NONE,
        "Several hundred soldiers arrived.",
        Count,
        "300-900",
        Approx,
        "Several hundred",
    ),
    (
        NONE,
        "A few thousand people waited.",
        Count,
        "2000-5000",
        Approx,
        "A few thousand",
    ),
    (
        NONE,
        "Half a million people signed the petition.",
        Count,
        "500000",
        Exact,
        "Half a million",
    ),
    (
        NONE,
        "One and a half million tourists visited.",
        Count,
        "1500000",
        Exact,
        "One and a half million",
    ),
    (
        NONE,
        "Officials said between five and six hostages were freed.",
        Count,
        "5-6",
        Range,
        "between five and six",
    ),
    (
        NONE,
        "Five or six boats capsized.",
        Count,
        "5-6",
        Range,
        "Five or six",
    ),
    (
        NONE,
        "The team has eleven players.",
        Count,
        "11",
        Exact,
        "eleven",
    ),
    (
        NONE,
        "Nine hundred flights were grounded.",
        Count,
        "900",
        Exact,
        "Nine hundred",
    ),
    (
        NONE,
        "Seven thousand troops took part.",
        Count,
        "7000",
        Exact,
        "Seven thousand",
    ),
    (NONE, "Ten people were hurt.", Count, "10", Exact, "Ten"),
    (NONE, "One soldier was wounded.", Count, "1", Exact, "One"),
    (
        NONE,
        "About two hundred people attended.",
        Count,
        "200",
        Approx,
        "About two hundred",
    ),
    (
        NONE,
        "Russia will send four tactical fighter jets to the base.",
        Count,
        "4",
        Exact,
        "four",
    ),
    (
        NONE,
        "The Americans have flown hundreds of air missions.",
        Count,
        "200-999",
        Approx,
        "hundreds",
    ),
    (
        NONE,
        "Some two million people live there.",
        Count,
        "2000000",
        Approx,
        "Some two million",
    ),
    // Durations.
    (
        NONE,
        "It was a 50-minute conversation.",
        Duration,
        "3000",
        Exact,
        "50-minute",
    ),
    (
        NONE,
        "The call had lasted an hour.",
        Duration,
        "3600",
        Exact,
        "an hour",
    ),
    (
        NONE,
        "The four-and-a-half-year-old civil war continues.",
        Duration,
        "142006284",
        Exact,
        "four-and-a-half-year-old",
    ),
    (
        NONE,
        "The talks end an 18-month freeze.",
        Duration,
        "47335428",
        Exact,
        "18-month",
    ),
    (
        NONE,
        "The truce lasts for seven days.",
        Duration,
        "604800",
        Exact,
        "seven days",
    ),
    (
        NONE,
        "The strike lasted three weeks.",
        Duration,
        "1814400",
        Exact,
        "three weeks",
    ),
    (
        NONE,
        "She spent 10 years in prison.",
        Duration,
        "315569520",
        Exact,
        "10 years",
    ),
    (
        NONE,
        "The meeting ran for two hours.",
        Duration,
        "7200",
        Exact,
        "two hours",
    ),
    (
        NONE,
        "After a 90-minute delay the plane left.",
        Duration,
        "5400",
        Exact,
        "90-minute",
    ),
    (
        NONE,
        "The seven-day period starts now.",
        Duration,
        "604800",
        Exact,
        "seven-day",
    ),
    (
        NONE,
        "The 28-month insurgency goes on.",
        Duration,
        "73632888",
        Exact,
        "28-month",
    ),
    (
        NONE,
        "Officers waited for half an hour.",
        Duration,
        "1800",
        Exact,
        "half an hour",
    ),
    (
        NONE,
        "Within 24 hours the fire was out.",
        Duration,
        "86400",
        Exact,
        "24 hours",
    ),
    (
        NONE,
        "A 24-hour curfew was imposed.",
        Duration,
        "86400",
        Exact,
        "24-hour",
    ),
    (
        NONE,
        "For a year the two sides talked.",
        Duration,
        "31556952",
        Exact,
        "a year",
    ),
    (
        NONE,
        "The ban lasted a decade.",
        Duration,
        "315569520",
        Exact,
        "a decade",
    ),
    (
        NONE,
        "Negotiations took 45 minutes.",
        Duration,
        "2700",
        Exact,
        "45 minutes",
    ),
    (
        NONE,
        "The hour-long debate ended.",
        Duration,
        "3600",
        Exact,
        "hour-long",
    ),
    (
        NONE,
        "More than two weeks passed.",
        Duration,
        "1209600",
        MoreThan,
        "More than two weeks",
    ),
    (
        NONE,
        "The drought lasted about six months.",
        Duration,
        "15778476",
        Approx,
        "about six months",
    ),
    (
        NONE,
        "The blackout lasted 30 seconds.",
        Duration,
        "30",
        Exact,
        "30 seconds",
    ),
    (
        NONE,
        "The 100-day offensive ended.",
        Duration,
        "8640000",
        Exact,
        "100-day",
    ),
    (
        NONE,
        "The three-year-old war goes on.",
        Duration,
        "94670856",
        Exact,
        "three-year-old",
    ),
    (
        NONE,
        "Aid arrived in the past 10 days.",
        Duration,
        "864000",
        Exact,
        "10 days",
    ),
    // Ages.
    (
        NONE,
        "A 45-year-old man was arrested.",
        Age,
        "45",
        Exact,
        "45-year-old",
    ),
    (NONE, "A farmer aged 61 died.", Age, "61", Exact, "61"),
    (
        NONE,
        "She was 34 years old.",
        Age,
        "34",
        Exact,
        "34 years old",
    ),
    (NONE, "At the age of 70 he retired.", Age, "70", Exact, "70"),
    (
        NONE,
        "The 19-year-old said nothing.",
        Age,
        "19",
        Exact,
        "19-year-old",
    ),
    (
        NONE,
        "A six-year-old girl was rescued.",
        Age,
        "6",
        Exact,
        "six-year-old",
    ),
    (
        NONE,
        "A 100-year-old bridge collapsed.",
        Age,
        "100",
        Exact,
        "100-year-old",
    ),
    // Money.
    (
        NONE,
        "The loan is worth $1.5 billion.",
        Money,
        "1500000000",
        Exact,
        "$1.5 billion",
    ),
    (
        NONE,
        "Aid of US$40m was pledged.",
        Money,
        "40000000",
        Exact,
        "US$40m",
    ),
    (NONE, "Tickets cost €15 each.", Money, "15", Exact, "€15"),
    (
        NONE,
        "The deal is worth £3.2bn.",
        Money,
        "3200000000",
        Exact,
        "£3.2bn",
    ),
    (
        NONE,
        "The bill came to 5 million dollars.",
        Money,
        "5000000",
        Exact,
        "5 million dollars",
    ),
    (NONE, "He paid 300 euros.", Money, "300", Exact, "300 euros"),
    (
        NONE,
        "The fine was about $2,000.",
        Money,
        "2000",
        Approx,
        "about $2,000",
    ),
    (
        NONE,
        "Losses of up to $3 million were reported.",
        Money,
        "3000000",
        AtMost,
        "up to $3 million",
    ),
    (
        NONE,
        "The budget is EUR 40 million.",
        Money,
        "40000000",
        Exact,
        "EUR 40 million",
    ),
    (
        NONE,
        "They spent more than $10bn.",
        Money,
        "10000000000",
        MoreThan,
        "more than $10bn",
    ),
    // Percentages.
    (NONE, "Turnout was 62%.", Percent, "62", Exact, "62%"),
    (
        NONE,
        "Prices rose 3.5 per cent.",
        Percent,
        "3.5",
        Exact,
        "3.5 per cent",
    ),
    (
        NONE,
        "About 40 percent of voters agreed.",
        Percent,
        "40",
        Approx,
        "About 40 percent",
    ),
    (
        NONE,
        "Unemployment fell two percentage points.",
        Percent,
        "2",
        Exact,
        "two percentage points",
    ),
    (
        NONE,
        "Nearly 90% of homes lost power.",
        Percent,
        "90",
        Approx,
        "Nearly 90%",
    ),
    (
        NONE,
        "Support ranged 10-15% in polls.",
        Percent,
        "10-15",
        Range,
        "10-15%",
    ),
    (
        NONE,
        "Twelve percent of the crops failed.",
        Percent,
        "12",
        Exact,
        "Twelve percent",
    ),
    // Ordinals.
    (
        NONE,
        "It was the 12th day of the shutdown.",
        Ordinal,
        "12",
        Exact,
        "12th",
    ),
    (NONE, "He won a third term.", Ordinal, "3", Exact, "third"),
    (
        NONE,
        "It is the second time this happened.",
        Ordinal,
        "2",
        Exact,
        "second",
    ),
    (
        NONE,
        "They met for the fifth round of talks.",
        Ordinal,
        "5",
        Exact,
        "fifth",
    ),
    (
        NONE,
        "The 40th anniversary was marked.",
        Ordinal,
        "40",
        Exact,
        "40th",
    ),
    (
        NONE,
        "Rain fell for a third consecutive day.",
        Ordinal,
        "3",
        Exact,
        "third",
    ),
    // Dates as written.
    (
        NONE,
        "Contacts were frozen since March 2014.",
        Date,
        "2014-03",
        Exact,
        "March 2014",
    ),
    (
        NONE,
        "The accord of June 30, 2012 still stands.",
        Date,
        "2012-06-30",
        Exact,
        "June 30, 2012",
    ),
    (
        NONE,
        "He will speak on September 28, 2015.",
        Date,
        "2015-09-28",
        Exact,
        "September 28, 2015",
    ),
    (
        NONE,
        "The summit opened on 5 September 2016.",
        Date,
        "2016-09-05",
        Exact,
        "5 September 2016",
    ),
    (
        NONE,
        "The treaty was signed in 1972.",
        Date,
        "1972",
        Exact,
        "1972",
    ),
    (
        NONE,
        "Tension has grown since the 1960s.",
        Date,
        "1960s",
        Exact,
        "1960s",
    ),
    (
        NONE,
        "The law dates from 2014.",
        Date,
        "2014",
        Exact,
        "2014",
    ),
    (
        NONE,
        "The data were released on 2019-02-28.",
        Date,
        "2019-02-28",
        Exact,
        "2019-02-28",
    ),
    (
        NONE,
        "The firm was founded in Feb. 2009.",
        Date,
        "2009-02",
        Exact,
        "Feb. 2009",
    ),
    (
        NONE,
        "The war of 1939-1945 ended.",
        Date,
        "1939/1945",
        Exact,
        "1939-1945",
    ),
    (
        NONE,
        "He led the club from 1998 to 2004.",
        Date,
        "1998/2004",
        Exact,
        "1998 to 2004",
    ),
    (
        NONE,
        "Prices doubled between 2003 and 2008.",
        Date,
        "2003/2008",
        Exact,
        "2003 and 2008",
    ),
    (
        NONE,
        "The survey ran in 2011–14.",
        Date,
        "2011/2014",
        Exact,
        "2011–14",
    ),
    (
        NONE,
        "Fighting resumed in mid-2014.",
        Date,
        "2014",
        Approx,
        "mid-2014",
    ),
    (
        NONE,
        "Prices peaked in mid-March 2020.",
        Date,
        "2020-03",
        Approx,
        "mid-March 2020",
    ),
    (
        NONE,
        "The 1972 convention was updated.",
        Date,
        "1972",
        Exact,
        "1972",
    ),
    (
        NONE,
        "The ceasefire held through December 2015.",
        Date,
        "2015-12",
        Exact,
        "December 2015",
    ),
    (
        NONE,
        "The rules changed on 3rd May 2018.",
        Date,
        "2018-05-03",
        Exact,
        "3rd May 2018",
    ),
    (
        NONE,
        "Talks resumed around March 2014.",
        Date,
        "2014-03",
        Approx,
        "around March 2014",
    ),
    // Relative dates resolved against a publication date (Saturday 2015-09-19).
    (
        PUB,
        "Ties were cut in April last year.",
        Date,
        "2014-04",
        Exact,
        "April last year",
    ),
    (
        PUB,
        "Talks began last week.",
        Date,
        "2015-W37",
        Exact,
        "last week",
    ),
    (
        PUB,
        "The minister spoke on Friday.",
        Date,
        "2015-09-18",
        Exact,
        "Friday",
    ),
    (
        PUB,
        "He resigned two weeks ago.",
        Date,
        "2015-W36",
        Exact,
        "two weeks ago",
    ),
    (
        PUB,
        "The law passed last year.",
        Date,
        "2014",
        Exact,
        "last year",
    ),
    (
        PUB,
        "The vote is due later this month.",
        Date,
        "2015-09",
        Exact,
        "later this month",
    ),
    (
        PUB,
        "The report came out yesterday.",
        Date,
        "2015-09-18",
        Exact,
        "yesterday",
    ),
    (
        PUB,
        "The ministers will meet on Tuesday.",
        Date,
        "2015-09-22",
        Exact,
        "Tuesday",
    ),
    (
        PUB,
        "He spoke on Sept. 17 in London.",
        Date,
        "2015-09-17",
        Exact,
        "Sept. 17",
    ),
    (
        PUB,
        "The law took effect in March.",
        Date,
        "2015-03",
        Exact,
        "March",
    ),
    (
        PUB,
        "Elections will be held in December.",
        Date,
        "2015-12",
        Exact,
        "December",
    ),
    (
        PUB,
        "It happened in December.",
        Date,
        "2014-12",
        Exact,
        "December",
    ),
    (
        PUB,
        "The plant closed last month.",
        Date,
        "2015-08",
        Exact,
        "last month",
    ),
    (
        PUB,
        "The strike began three days ago.",
        Date,
        "2015-09-16",
        Exact,
        "three days ago",
    ),
    (
        PUB,
        "Exports fell this year.",
        Date,
        "2015",
        Exact,
        "this year",
    ),
    (
        PUB,
        "The court ruled last Friday.",
        Date,
        "2015-09-18",
        Exact,
        "last Friday",
    ),
    (
        PUB,
        "The group will meet next Monday.",
        Date,
        "2015-09-21",
        Exact,
        "next Monday",
    ),
    (
        PUB,
        "It happened a year ago.",
        Date,
        "2014",
        Exact,
        "a year ago",
    ),
    (
        PUB,
        "The protests started six months ago.",
        Date,
        "2015-03",
        Exact,
        "six months ago",
    ),
    (
        PUB,
        "The talks end an 18-month freeze.",
        Date,
        "2014-03",
        Approx,
        "18-month",
    ),
    (
        PUB,
        "The four-year-old civil war goes on.",
        Date,
        "2011",
        Approx,
        "four-year-old",
    ),
    (
        "2019-01-02",
        "It was the 12th day of a shutdown.",
        Date,
        "2018-12-22",
        Approx,
        "12th",
    ),
    (
        "2015-09-23",
        "The two are ending an 18-month freeze in contacts.",
        Date,
        "2014-03",
        Approx,
        "18-month",
    ),
    // The same without a publication date: unresolved, never guessed.
    (
        NONE,
        "Talks began last week.",
        Date,
        "unresolved",
        Exact,
        "last week",
    ),
    (
        NONE,
        "The minister spoke on Friday.",
        Date,
        "unresolved",
        Exact,
        "Friday",
    ),
    (
        NONE,
        "He spoke on Sept. 17 in London.",
        Date,
        "unresolved",
        Exact,
        "Sept. 17",
    ),
    (
        NONE,
        "It happened in April last year.",
        Date,
        "unresolved",
        Exact,
        "April last year",
    ),
    (
        NONE,
        "He resigned two weeks ago.",
        Date,
        "unresolved",
        Exact,
        "two weeks ago",
    ),
    (
        NONE,
        "The talks end an 18-month freeze.",
        Date,
        "unresolved",
        Approx,
        "18-month",
    ),
];

/// (text, a number as written that must not be read as a figure or inside one).
const NOT_FIGURES: &[(&str, &str)] = &[
    ("Leaders met at the G20 summit.", "20"),
    ("Four Su-27 fighter aircraft landed.", "27"),
    ("The Boeing 747 landed safely.", "747"),
    ("The talks began at 12:38 IST.", "12:38"),
    ("Visit example.com/news/2015 for more.", "2015"),
    ("She is one of the best.", "one"),
    ("They avoided one another.", "one"),
    ("No one was hurt.", "one"),
    ("The first combat aircraft arrived.", "first"),
    ("They must go on day one.", "one"),
    ("COVID-19 cases rose.", "19"),
    ("He called at 5 p.m. local time.", "5"),
    ("The F-16 crashed.", "16"),
    ("Resolution 2254 was adopted.", "2254"),
    ("He lives at 10 Downing Street.", "10"),
    ("The shop is open 24/7.", "24"),
    ("Call +44 for help.", "44"),
    ("1. Preheat the oven.", "1"),
    ("They met several times.", "several"),
    ("It was a second chance.", "second"),
    ("They march on Monday.", "march"),
    ("There is an existing one nearby.", "one"),
    ("The meeting happens twice a year.", "year"),
    ("Today, the channels are frozen.", "Today"),
    ("Windows 10 was released.", "10"),
    ("The hotline is 0800 555 123 now.", "555"),
    ("The firm sold 10 million iPhone 12 units.", "12"),
    ("They boarded flight 418 at dawn.", "418"),
    ("The House passed H.R. 3120 in May.", "3120"),
    ("Under section 12 of the code, fines rise.", "12"),
    ("A category 4 storm hit the coast.", "4"),
    ("The ruling cites the 14th amendment.", "14th"),
];

/// (text, span, counted head or "" for none, predicate).
const COUNTED: &[(&str, &str, &str, Option<&str>)] = &[
    (
        "The bombing killed 240,000 people.",
        "240,000",
        "person",
        Some("killed"),
    ),
    (
        "Some 250,000 people have been killed.",
        "Some 250,000",
        "person",
        Some("killed"),
    ),
    (
        "Russia will send four tactical fighter jets.",
        "four",
        "jet",
        Some("send"),
    ),
    (
        "The war displaced hundreds of thousands of desperate civilians.",
        "hundreds of thousands",
        "civilian",
        Some("displaced"),
    ),
    (
        "It was a 50-minute conversation.",
        "50-minute",
        "conversation",
        None,
    ),
    (
        "The call had lasted an hour.",
        "an hour",
        "call",
        Some("lasted"),
    ),
    (
        "Up to 500 naval infantry forces have been sent.",
        "Up to 500",
        "force",
        Some("sent"),
    ),
    (
        "Four large Hip transport helicopters arrived.",
        "Four",
        "helicopter",
        Some("arrived"),
    ),
    (
        "An estimated 7.6 million people have been internally displaced.",
        "An estimated 7.6 million",
        "person",
        Some("displaced"),
    ),
    (
        "Another 5.4 million people have fled the country.",
        "5.4 million",
        "person",
        Some("fled"),
    ),
    (
        "Two of the jets were damaged.",
        "Two",
        "jet",
        Some("damaged"),
    ),
    (
        "The talks end an 18-month freeze.",
        "18-month",
        "freeze",
        Some("end"),
    ),
    (
        "More than 20 Condor transport plane flights had delivered weapons.",
        "More than 20",
        "flight",
        Some("delivered"),
    ),
    (
        "A 45-year-old man was arrested.",
        "45-year-old",
        "man",
        None,
    ),
    (
        "The cessation of hostilities lasts for seven days.",
        "seven days",
        "cessation",
        Some("lasts"),
    ),
    (
        "Four Russian Su-27 fighter aircraft had been deployed.",
        "Four",
        "aircraft",
        Some("deployed"),
    ),
    ("Floods left 30 casualties.", "30", "casualty", Some("left")),
    (
        "Tension has grown since the early 1980s.",
        "1980s",
        "",
        Some("since"),
    ),
    (
        "Teams searched for 12 missing fishermen.",
        "12",
        "fisherman",
        None,
    ),
    ("Filings rose to 5,400 last year.", "5,400", "", None),
    (
        "The party won 62 of the 120 seats.",
        "62",
        "seat",
        Some("won"),
    ),
    (
        "It has ruled for 14 of the past 20 years.",
        "14",
        "year",
        None,
    ),
    (
        "A cut hit 3 of the agency's 5 data centres.",
        "3",
        "centre",
        Some("hit"),
    ),
    (
        "It has about 30,000 members aged 18 to 30.",
        "about 30,000",
        "member",
        None,
    ),
];

fn date(s: &str) -> Option<NaiveDate> {
    (!s.is_empty()).then(|| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test dates are valid"))
}

/// The text and the figures of a one-document corpus.
fn extract(published: &str, text: &str) -> Vec<Figure> {
    let published = date(published);
    let source = Source {
        published,
        published_from: if published.is_some() {
            DateOrigin::Manifest
        } else {
            DateOrigin::None
        },
        ..Source::new("case", text)
    };
    let corpus = Corpus::of_sources(vec![source]);
    let docs = prepare(&corpus);
    figures(&docs[0])
}

fn describe(text: &str, figures: &[Figure]) -> String {
    figures
        .iter()
        .map(|f| {
            format!(
                "[{} {} {} {:?}]",
                f.kind.as_str(),
                f.value,
                f.qualifier.as_str(),
                &text[f.start..f.end]
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn extraction_table() {
    let mut failures = Vec::new();
    for &(published, text, kind, value, qualifier, span) in CASES {
        let found = extract(published, text);
        let hit = found
            .iter()
            .find(|f| f.kind == kind && &text[f.start..f.end] == span);
        let ok = hit.is_some_and(|f| f.value.normalized() == value && f.qualifier == qualifier);
        if !ok {
            failures.push(format!(
                "{text:?} (published {published:?}): want [{} {value} {} {span:?}], got {}",
                kind.as_str(),
                qualifier.as_str(),
                describe(text, &found)
            ));
        }
    }
    println!(
        "extraction table: {}/{} cases pass",
        CASES.len() - failures.len(),
        CASES.len()
    );
    assert!(CASES.len() >= 150, "the table holds at least 150 cases");
    assert!(
        failures.is_empty(),
        "failing cases:\n{}",
        failures.join("\n")
    );
}

#[test]
fn numbers_that_are_not_figures() {
    let mut failures = Vec::new();
    for &(text, number) in NOT_FIGURES {
        let at = text.find(number).expect("the number is in its sentence");
        let end = at + number.len();
        let found = extract(PUB, text);
        if found.iter().any(|f| f.start < end && at < f.end) {
            failures.push(format!(
                "{text:?}: {number:?} read as {}",
                describe(text, &found)
            ));
        }
    }
    println!(
        "non-figures: {}/{} cases pass",
        NOT_FIGURES.len() - failures.len(),
        NOT_FIGURES.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn counted_nouns_and_predicates() {
    let mut failures = Vec::new();
    for &(text, span, counted, predicate) in COUNTED {
        let found = extract(NONE, text);
        let hit = found.iter().find(|f| &text[f.start..f.end] == span);
        let got = hit.map(|f| (f.counted.as_deref(), f.predicate.as_deref()));
        let want = (Some(counted).filter(|c| !c.is_empty()), predicate);
        if got != Some(want) {
            failures.push(format!(
                "{text:?}: want {counted:?}/{predicate:?}, got {got:?}"
            ));
        }
    }
    println!(
        "counted nouns: {}/{} cases pass",
        COUNTED.len() - failures.len(),
        COUNTED.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn derived_dates_say_how_they_were_derived() {
    let found = extract(
        "2015-09-23",
        "The two are ending an 18-month freeze in contacts.",
    );
    let derived = found
        .iter()
        .find(|f| f.kind == Date)
        .expect("a derived start date");
    let how = derived.derivation.as_deref().unwrap_or("");
    assert!(
        how.contains("2015-09-23") && how.contains("18 months"),
        "{how}"
    );
    assert_eq!(derived.counted.as_deref(), Some("freeze"));
    assert_eq!(derived.predicate.as_deref(), Some("since"));
}

#[test]
fn unresolved_dates_say_why() {
    let found = extract(NONE, "The minister spoke on Friday.");
    let f = found.iter().find(|f| f.kind == Date).expect("a date");
    assert!(
        f.derivation
            .as_deref()
            .unwrap_or("")
            .contains("no publication date")
    );
}

#[test]
fn figures_are_sorted_and_on_char_boundaries() {
    let text = "“Some 40 boats” — about 1,200 people — fled on Friday; 12% of them… ° 3–4 days.";
    let found = extract(PUB, text);
    assert!(found.len() >= 4, "{}", describe(text, &found));
    assert!(found.windows(2).all(|w| w[0].start <= w[1].start));
    for f in &found {
        assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
    }
}
