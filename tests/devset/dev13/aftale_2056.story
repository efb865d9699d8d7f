@header Aftale om kommunernes økonomi for 2056
@footer Regeringen og KL · juni 2055 · side {page}

# Aftale om kommunernes økonomi
# for 2056

Regeringen og KL har den 2. juni 2055 indgået aftale om kommunernes økonomi for 2056.

[boks Boks 1. Aftalen i hovedtræk]
- Rammen for kommunernes serviceudgifter er 668,1 mia. kr. i 2056.
- Udgangspunktet for servicerammen løftes med 3,0 mia. kr.
- Anlægsniveauet er 41,0 mia. kr.
- Uændret kommunal skat under ét.
[/boks]

## 1. Indledning

Kommunerne står over for et fortsat stigende behov for velfærd. Antallet af borgere over 80 år vokser hurtigere end befolkningen i øvrigt, og samtidig mangler der medarbejdere i pleje og omsorg i store dele af landet. Regeringen og KL er enige om, at kommunerne skal have rum til at tilpasse den nære velfærd til denne udvikling.

Aftalen for 2055 fastlagde udgiftsniveauet for service til 648,9 mia. kr. i 2055-priser og anlægsniveauet til 39,7 mia. kr. Aftalen for 2056 viderefører den linje, hvor servicen løftes, mens anlæg og administration holdes i stram snor.

## 2. Kommunernes udgiftsrammer

### Serviceudgifter

Regeringen og KL er enige om at hæve det udgangspunkt, som udgiftsloftet giver for 2056, med 3,0 mia. kr. Heraf skal 2,2 mia. kr. dække det beregnede demografiske træk, mens resten styrker rekrutteringen til ældreplejen.

Parterne er dermed enige om, at rammen for kommunernes serviceudgifter i 2056 udgør 668,1 mia. kr. Rammen reguleres efter DUT-princippet, og hertil kommer de midler til ældreområdet, der er afsat på finansloven, i alt 1,4 mia. kr. i 2056.

### Anlægsudgifter

Anlægsniveauet for 2056 aftales til 41,0 mia. kr., hvilket er 1,3 mia. kr. over niveauet for 2055. Regeringen og KL er endvidere enige om, at der i perioden 2056-2059 samlet prioriteres 5,2 mia. kr. til kystsikring og klimatilpasning inden for de aftalte anlægsniveauer.

### Den betingede del af bloktilskuddet

Den del af bloktilskuddet, der er betinget af, at kommunernes budgetterede serviceudgifter holder sig inden for servicerammen, fastholdes på tre mia. kr. Den del af bloktilskuddet, der er betinget af budgetoverholdelse på anlægsområdet, forhøjes fra 1 mia. kr. til 1,5 mia. kr. i 2056.

### Tabel 1

Tabellen viser de forudsatte udgifter og indtægter for kommunerne under ét i 2056.

[tabel]
| Kommunernes udgifter og indtægter i 2056 (mio. kr., 2056-pl) | Aftale 2056 |
| Serviceudgifter | 668.100 |
| Aktivitetsbestemt medfinansiering | 52.600 |
| Overførsler, inkl. forsikrede ledige | 212.400 |
| Bruttoanlæg | 41.000 |
| Øvrige udgifter | 2.400 |
| Udgifter i alt | 976.500 |
| Skatteindtægter | -785.300 |
| Bloktilskud | -187.800 |
| Heraf betinget bloktilskud | -4.500 |
| Øvrige indtægter | -15.100 |
| Indtægter i alt | -988.200 |
[/tabel]

## 3. Finansiering

### Pris- og lønudvikling

Der er forudsat en pris- og lønudvikling fra 2055 til 2056 på 2,2 pct. for de samlede kommunale udgifter inklusive overførsler. For serviceudgifterne er PL-skønnet 2,5 pct., og for anlægsudgifterne er det 2,0 pct. Satsreguleringsprocenten for 2056 er fastsat til 2,6 pct.

### Midtvejsregulering

Bloktilskuddet for 2055 opreguleres midt i året med 0,9 mia. kr. Reguleringen afspejler især et højere skøn for udgifterne til førtidspension. Beskæftigelsestilskuddet for 2055 efterreguleres særskilt med 0,4 mia. kr.

### Regionerne

Kommunernes grundbidrag til regionernes udviklingsopgaver udgjorde 260 kr. pr. indbygger i 2055. Når grundbidraget fremskrives med det regionale pris- og lønskøn på 2,3 pct., bliver det 266 kr. pr. indbygger i 2056. Regionernes ramme for sundhedsudgifter i 2056 er aftalt til 226,1 mia. kr., og deres anlægsniveau til 7,2 mia. kr.

### Skat

Målet er en uændret kommunal skat under ét i 2056. Kommuner, der nedsætter udskrivningsprocenten, kan inden for en ramme på 1 mia. kr. få et tilskud svarende til 75 pct. af provenutabet i 2056, 50 pct. i 2057, 50 pct. i 2058 og 25 pct. i 2059.

### Finansieringstilskud

Det særlige finansieringstilskud på 2,0 mia. kr., der blev ydet i 2054 og 2055, videreføres ikke i 2056. Midlerne indgår i stedet i det generelle bloktilskud.

## 4. Opfølgning

Regeringen og KL følger op på budgetterne for 2056 i efteråret 2055. Er der samlet budgetteret over servicerammen eller anlægsniveauet, kan den betingede del af bloktilskuddet blive modregnet.
