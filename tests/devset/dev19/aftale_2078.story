@header Aftale om kommunernes økonomi for 2078
@footer Regeringen og KL · maj 2077 · side {page}
# Aftale om kommunernes økonomi for 2078
# Fælles ansvar for velfærden

28. maj 2077

## 1. Indledning

Regeringen og KL har indgået aftale om kommunernes økonomi for 2078. Aftalen tager udgangspunkt i, at der bliver flere ældre med behov for pleje, og at kommunerne skal kunne tiltrække de nødvendige medarbejdere. Samtidig skal økonomien fortsat holdes inden for rammerne af budgetloven.

Parterne er enige om at fortsætte arbejdet med færre statslige regler og mere lokal handlefrihed, og om at følge udviklingen på børne- og ungeområdet tæt i det kommende år.

## 2. Aftalens økonomiske rammer

### Service

Kommunernes serviceramme var i aftalen for 2077 fastsat til 836,0 mia. kr. Regeringen og KL er enige om at løfte udgangspunktet med 4,8 mia. kr. i 2078, så servicerammen for 2078 bliver 861,7 mia. kr. Løftet dækker den demografiske udvikling og giver plads til et mindre løft af ældreplejen.

### Anlæg

Der er enighed om et niveau for kommunernes bruttoanlæg på 49,0 mia. kr. i 2078. Parterne forventer et samlet anlægsbehov på omkring 255 mia. kr. i perioden 2078-2082, som løbende drøftes i de kommende aftaler.

### Det betingede bloktilskud

Et samlet beløb på 4,0 mia. kr. af bloktilskuddet er betinget: 3,0 mia. kr. vedrører overholdelse af servicerammen i budgetterne, og 1,0 mia. kr. vedrører overholdelse af anlægsniveauet i budgetterne.

[tabel]
| Tabel 1. Balance for kommunerne 2078, mia. kr. (2078-pl) | Aftale 2078 | Ændring ift. aftale 2077 |
| Serviceudgifter | 861,7 | 4,8 |
| Aktivitetsbestemt medfinansiering | 54,6 | 0,4 |
| Overførsler | 178,0 | 0,6 |
| Udgifter til forsikrede ledige | 35,2 | -0,6 |
| Bruttoanlæg | 49,0 | 0,9 |
| Øvrige udgifter | 1,5 | -0,3 |
| Udgifter i alt | 1.180,0 | 5,8 |
| Skatteindtægter | -874,9 | -5,2 |
| Bloktilskud | -234,6 | -2,4 |
| Heraf betinget bloktilskud | -4,0 | 0,6 |
| Beskæftigelsestilskud | -35,2 | 0,6 |
| Øvrige indtægter | -21,3 | -0,7 |
| Indtægter i alt | -1.166,0 | -7,7 |
[/tabel]

## 3. Regionerne og grundbidraget

[boks Boks 1. Regionernes økonomi]
Regionernes ramme for sundhedsudgifterne er i den regionale aftale fastsat til 188,2 mia. kr. i 2078. Regionerne midtvejsreguleres for 2077 med 0,4 mia. kr.
[/boks]

Kommunernes grundbidrag til regionerne udgjorde 191 kr. pr. indbygger i 2077. Bidraget fremskrives med det regionale pris- og lønskøn på 2,2 pct. og udgør dermed 195 kr. pr. indbygger i 2078.

## 4. Finansiering

### Pris- og lønudvikling

Til fremskrivning af rammerne anvendes følgende skøn fra 2077 til 2078: 2,4 pct. for kommunernes samlede udgifter, 2,5 pct. for serviceudgifterne og 2,0 pct. for anlægsudgifterne.

### Midtvejsregulering

Med midtvejsreguleringen for 2077 øges kommunernes bloktilskud med 1,2 mia. kr.

### Finansieringstilskud

Kommunerne modtager i 2078 et finansieringstilskud. Tilskuddet var i regeringens oplæg opgjort til 2,2 mia. kr., men er i aftalen forhøjet til 2,5 mia. kr. Heraf fordeles 0,5 mia. kr. efter kommunernes økonomiske vilkår, mens resten fordeles efter indbyggertal.

## 5. Skattepolitik

Skatten skal under ét være uændret i 2078. Kommuner, der sætter skatten ned, kan søge om tilskud inden for en pulje på 300 mio. kr. Tilskuddet dækker 75 pct. af provenutabet i 2078, 50 pct. i 2079, 50 pct. i 2080 og 25 pct. i 2081.

Der fastsættes ikke en særskilt ramme for skatteforhøjelser i 2078. En kommunes skatteforhøjelse modsvares i stedet af en individuel modregning i bloktilskuddet.

## 6. Øvrige emner

Regeringen og KL vil i efteråret 2077 gennemgå de statslige krav til kommunernes planlægning på klimaområdet med henblik på forenkling.
