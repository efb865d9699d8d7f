@header Aftale om kommunernes økonomi for 2052
@footer Side {page}
# Aftale om kommunernes økonomi for 2052
# 3. juni 2051

Regeringen og KL er i dag blevet enige om rammerne for kommunernes økonomi i 2052. Parterne lægger vægt på, at kommunerne får et realistisk grundlag for budgetlægningen, og at udgifterne holdes inden for de aftalte rammer.

## A. Rammerne for 2052

Servicerammen i aftalen for 2051 var 303,6 mia. kr. Udgangspunktet for 2052 løftes med 2,1 mia. kr., og efter korrektioner for DUT og pris- og lønudvikling udgør servicerammen for 2052 311,9 mia. kr.

Bruttoanlægsudgifterne forventes i 2052 at udgøre 26,3¹ mia. kr. Det er 1,5 mia. kr. mere end anlægsrammen for 2051.

Regionernes bruttoanlæg indgår i den særskilte regionsaftale og udgør 4,6 mia. kr.

Det betingede bloktilskud udgør 4,0 mia. kr., hvoraf 3,0 mia. kr. knyttes til overholdelse af servicerammen og 1,0 mia. kr. til overholdelse af anlægsrammen.

[tabel]
| Tabel 1. Kommunernes balance 2052 (mia. kr., 2052-priser) | Aftale 2052 | Ændring ift. 2051 |
| Serviceudgifter | 311,9 | 8,3 |
| Aktivitetsbestemt medfinansiering | 26,8 | 0,7 |
| Overførsler | 80,9 | 2,5 |
| Forsikrede ledige | 17,9 | 0,7 |
| Bruttoanlæg | 26,3¹ | 1,5 |
| Øvrige udgifter | 1,2 | −0,1 |
| Udgifter i alt | 465,0 | 13,6 |
| Skatteindtægter | −346,8 | −10,3 |
| Bloktilskud | −98,6 | −3,4 |
| Heraf betinget bloktilskud | −4,0 | 0,0 |
| Beskæftigelsestilskud | −18,1 | −0,7 |
| Øvrige indtægter | −5,9 | 0,2 |
| Indtægter i alt | −469,4 | −14,2 |
[/tabel]

¹ Inkl. 0,4 mia. kr. til klimatilpasning, som er aftalt særskilt.

[side]

## B. PL-skøn og DUT

Pris- og lønskønnet fra 2051 til 2052 for kommunernes serviceudgifter er 2,6 %. Skønnet for de samlede udgifter inklusive overførsler er 2,3 %, mens bruttoanlæg fremskrives med 2,1 %.

Bloktilskuddet for 2051 midtvejsreguleres med 0,8 mia. kr. som følge af højere udgifter til overførsler. Midtvejsreguleringen for 2050 var −1,15 mia. kr.

Grundbidraget til regionerne var 152 kr. pr. indbygger i 2051 og udgør 156 kr. pr. indbygger i 2052, beregnet med et regionalt PL-skøn på 2,5 %.

## C. Skat og særlige tilskud

Kommuner, der nedsætter skatten, kan få tilskud inden for en ramme på 500 mio. kr. Enkelte kommuner kan forhøje skatten inden for en samlet ramme på 250 mio. kr.

Det særlige finansieringstilskud udgør 3,5 mia. kr. i 2052, som i 2051.
