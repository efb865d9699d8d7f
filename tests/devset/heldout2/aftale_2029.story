@header Aftale om kommunernes økonomi for 2029 · Regeringen og KL
@footer Side {page}
# Aftale om kommunernes
# økonomi for 2029

2. juni 2028

[boks Boks 1. Aftalens hovedtal for 2029]
- Servicerammen for 2029: 344,8 mia. kr.
- Løft af udgangspunktet for servicerammen: 2,8 mia. kr.
- Anlægsloft (bruttoanlæg ekskl. ældreboliger): 23,4 mia. kr.
- Betinget bloktilskud: 3 mia. kr. knyttet til serviceudgifterne og 1 mia. kr. knyttet til anlægsudgifterne
- Pris- og lønskøn for serviceudgifterne fra 2028 til 2029: 2,4 pct.
[/boks]

## 1. En aftale om nærhed og robusthed

Regeringen og KL har indgået aftale om kommunernes økonomi for 2029. Aftalen indgås på et tidspunkt, hvor antallet af ældre over 80 år vokser markant, og hvor rekrutteringen af medarbejdere til de store velfærdsområder er kommunernes største udfordring. Parterne er enige om, at den kommunale økonomi skal følge med udviklingen, og at pengene skal bruges dér, hvor de gør størst gavn for borgerne.

Aftalen bygger videre på den sundhedsreform, der trådte i kraft i 2027, og på arbejdet med at frisætte kommunerne fra unødvendige regler og dokumentationskrav. Parterne vil i efteråret 2028 fortsætte drøftelserne om en mere enkel styring af det specialiserede socialområde.

## 2. Rammerne for 2029

### Serviceudgifterne

Regeringen og KL er enige om, at udgangspunktet for servicerammen løftes med 2,8 mia. kr. i 2029. Løftet dækker udgifterne til den demografiske udvikling og giver plads til en styrket indsats i ældreplejen og på børneområdet. Samlet set stiger kommunernes serviceudgifter med 3,6 mia. kr. fra 2028 til 2029, idet 0,8 mia. kr. følger af kompensation efter DUT-princippet for nye og ændrede opgaver.

Servicerammen for 2029 udgør dermed 344,8 mia. kr. Til sammenligning udgjorde servicerammen i aftalen for 2028 341,2 mia. kr. opgjort i 2029-priser.

Kommunerne skal samtidig reducere udgifterne til administration og eksterne konsulenter med 300 mio. kr. i 2029. Beløbet bliver i kommunerne og kan anvendes til borgernær service.

### Anlæg

Kommunernes anlægsloft for 2029 fastsættes til 23,4 mia. kr. ekskl. ældreboliger. Heraf er 0,6 mia. kr. målrettet klimatilpasning og kystbeskyttelse. Anlægsloftet er 0,5 mia. kr. højere end i 2028, og parterne er enige om, at niveauet skal ses i sammenhæng med kapaciteten i bygge- og anlægssektoren.

### Betinget bloktilskud

Af kommunernes bloktilskud er 3 mia. kr. betinget af, at kommunerne under ét budgetterer med serviceudgifter inden for servicerammen. Yderligere 1 mia. kr. er betinget af, at de budgetterede bruttoanlægsudgifter holder sig inden for anlægsloftet.

## 3. Den kommunale balance

Tabel 1 sammenfatter kommunernes forudsatte udgifter og indtægter i 2029. Den aktivitetsbestemte medfinansiering af sundhedsvæsenet er afskaffet med sundhedsreformen og indgår derfor ikke længere i balancen.

**Tabel 1. Balance for kommunerne i 2029**

[tabel]
| Mia. kr., 2029-pl | Aftale 2029 |
| **Serviceudgifter, netto** | **344,8** |
| Overførsler | 86,3 |
| Udgifter til forsikrede ledige mv. | 16,4 |
| Bruttoanlæg (ekskl. ældreboliger) | 23,4 |
| Øvrige udgifter | 1,1 |
| **Udgifter i alt** | **472,0** |
| Skatteindtægter | -378,0 |
| Bloktilskud mv. | -77,5 |
| Heraf betinget bloktilskud | -4,0 |
| Beskæftigelsestilskud | -16,4 |
| Øvrige indtægter | -6,9 |
| **Indtægter i alt** | **-478,8** |
[/tabel]

Anm.: Indtægter er angivet med negativt fortegn. Forskellen mellem indtægter og udgifter afspejler bl.a. afdrag på lån og forskydninger i kassebeholdningen.

## 4. Finansiering, regulering og skat

### Pris- og lønudvikling

Anlægsudgifterne pris- og lønreguleres med 2,0 pct. fra 2028 til 2029. Skønnet for serviceudgifterne er 2,4 pct., og for de samlede udgifter inklusive overførsler anvendes et skøn på 2,1 pct. Satsreguleringsprocenten for 2029 er fastsat til 2,3 pct.

### Midtvejsregulering

Midtvejsreguleringen af bloktilskuddet for 2028 indebærer, at tilskuddet nedreguleres med 1,3 mia. kr., navnlig som følge af lavere udgifter til overførsler end forudsat. Ved sidste års forhandlinger blev bloktilskuddet for 2027 opreguleret med 0,6 mia. kr.

### Bidrag til regionerne

Grundbidraget til regionerne på udviklingsområdet blev for 2028 fastsat til 140 kr. pr. indbygger og er siden korrigeret til 141 kr. pr. indbygger som følge af en opgaveoverførsel. Med et skøn for den regionale pris- og lønudvikling inkl. medicin på 2,6 pct. udgør udgangspunktet for 2029 et grundbidrag på 145 kr. pr. indbygger.

Regionernes økonomi er aftalt særskilt. Rammen for regionernes sundhedsudgifter er 152,3 mia. kr. og rammen for regional udvikling 3,1 mia. kr. i 2029.

### Skat

Regeringen og KL er enige om, at den kommunale skat under ét skal være uændret i 2029. Kommuner kan efter ansøgning hæve skatten inden for en samlet ramme på 150 mio. kr. Samtidig etableres en ramme på 200 mio. kr. til skattenedsættelser med tilskud. Tilskuddet udgør 75 pct. af provenutabet i budgetåret 2029, 50 pct. i 2030 og 2031 og 25 pct. i 2032.

### Særligt vanskeligt stillede kommuner

Særtilskudspuljen til særligt vanskeligt stillede kommuner udgør 850 mio. kr. i 2029. Hertil kommer en lånepulje på 250 mio. kr. til anlæg i de samme kommuner.

## 5. Investeringer frem mod 2035

Parterne er enige om, at kommunerne frem mod 2035 står over for et betydeligt investeringsbehov i klimatilpasning og i de fysiske rammer for børn og ældre. Det samlede behov skønnes til 58 mia. kr. i perioden 2029-2035. Tabel 2 viser et skøn for fordelingen. Tallene er ikke en del af rammerne for 2029.

**Tabel 2. Skønnet investeringsbehov frem mod 2035**

[tabel]
| Mia. kr., 2029-pl | 2029-2031 | 2032-2035 |
| Klimatilpasning og kystbeskyttelse | 6,5 | 11,0 |
| Skoler og dagtilbud | 9,0 | 12,5 |
| Plejeboliger og ældreområdet | 7,5 | 11,5 |
| **I alt** | **23,0** | **35,0** |
[/tabel]

Regeringen og KL vil følge op på aftalen, når kommunernes budgetter for 2029 foreligger.
